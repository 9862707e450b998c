package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.DynamoBulkInvitationStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.invites.AbandonedBulkFiles;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The scheduled function's use case. */
@Factory
public class PlanDowngradesWiring {

    /** Read at start (the shared wiring takes the table from it), so a missing variable fails the start. */
    @Singleton
    PlanDowngradesSettings settings() {
        return PlanDowngradesSettings.fromEnvironment();
    }

    /**
     * The function's timeout is 120 s (template.yaml); a run stops starting new pages after 90 s,
     * which leaves a page of work (100 conditional writes or gateway calls) and the log line room.
     */
    static final Duration RUN_BUDGET = Duration.ofSeconds(90);

    /** Bulk invitation files whose request died give their unused seats back on this schedule too. */
    @Singleton
    AbandonedBulkFiles abandonedBulkFiles(DynamoDbClient dynamo, PlanDowngradesSettings settings, DynamoSeatLedger seats,
                                          DynamoAuditLog auditLog, Clock clock) {
        return new AbandonedBulkFiles(new DynamoBulkInvitationStore(dynamo, settings.shared().tableName(), seats, auditLog), clock);
    }

    @Singleton
    PlanScheduler planScheduler(PlanStore store, BillingGateway billing, Clock clock) {
        return new PlanScheduler(store, billing, clock, RUN_BUDGET);
    }
}
