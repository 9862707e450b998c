package com.salesos.admin.functions.plans;

import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.plans.PlanService;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plans function's use case. */
@Factory
public class PlansWiring {

    /** Read at start (the shared wiring takes the table from it), so a missing variable fails the start. */
    @Singleton
    PlansSettings settings() {
        return PlansSettings.fromEnvironment();
    }

    @Singleton
    PlanService planService(PlanCatalog catalog, PlanStore store, DynamoSeatLedger seats, BillingGateway billing,
                            IdGenerator ids, Clock clock) {
        return new PlanService(catalog, store, seats, billing, ids, clock);
    }
}
