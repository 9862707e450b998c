package com.salesos.admin.functions.plans;

import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SettingsReader;
import com.salesos.admin.config.SharedSettings;
import java.util.List;

/**
 * What the plans function reads: the table only. Plans, seats and charges all live there, and the
 * catalogue ships in the jar; it sends no mail and never calls Cognito.
 */
public record PlansSettings(SharedSettings shared) implements FunctionSettings {

    public static final List<String> VARIABLES = SharedSettings.VARIABLES;

    public static PlansSettings fromEnvironment() {
        return SettingsReader.read(PlansSettings.class.getSimpleName(), VARIABLES,
                values -> new PlansSettings(SharedSettings.from(values)));
    }
}
