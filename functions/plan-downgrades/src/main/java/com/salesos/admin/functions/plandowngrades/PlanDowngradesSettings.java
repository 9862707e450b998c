package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/** What the scheduled plan-downgrades function reads: the table only (due changes, plans, charges). */
public record PlanDowngradesSettings(SharedSettings shared) implements FunctionSettings {

    public static final List<String> VARIABLES = SharedSettings.VARIABLES;

    public static PlanDowngradesSettings fromEnvironment() {
        return SettingsReader.read(PlanDowngradesSettings.class.getSimpleName(), VARIABLES,
                values -> new PlanDowngradesSettings(SharedSettings.from(values)));
    }
}
