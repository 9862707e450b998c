package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.DynamoBulkInvitationStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.invites.AbandonedBulkFiles;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@Factory
public class PlanDowngradesWiring {

    /** Bulk invitation files whose request died give their unused seats back on this schedule too. */
    @Singleton
    AbandonedBulkFiles abandonedBulkFiles(DynamoDbClient dynamo, RuntimeSettings settings, DynamoSeatLedger seats,
                                          DynamoAuditLog auditLog, Clock clock) {
        return new AbandonedBulkFiles(new DynamoBulkInvitationStore(dynamo, settings.tableName(), seats, auditLog), clock);
    }

    @Singleton
    PlanScheduler planScheduler(PlanStore store, BillingGateway billing, Clock clock) {
        return new PlanScheduler(store, billing, clock);
    }
}
