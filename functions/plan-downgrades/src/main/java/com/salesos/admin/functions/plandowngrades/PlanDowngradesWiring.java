package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
public class PlanDowngradesWiring {

    @Singleton
    PlanScheduler planScheduler(PlanStore store, BillingGateway billing, Clock clock) {
        return new PlanScheduler(store, billing, clock);
    }
}
