package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The scheduled function's use case. */
@Factory
public class PlanDowngradesWiring {

    /** Read at start (the shared wiring takes the table from it), so a missing variable fails the start. */
    @Singleton
    PlanDowngradesSettings settings() {
        return PlanDowngradesSettings.fromEnvironment();
    }

    @Singleton
    PlanScheduler planScheduler(PlanStore store, BillingGateway billing, Clock clock) {
        return new PlanScheduler(store, billing, clock);
    }
}
