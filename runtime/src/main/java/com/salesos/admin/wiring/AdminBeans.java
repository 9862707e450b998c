package com.salesos.admin.wiring;

import com.salesos.admin.access.AccessPolicy;
import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.access.DynamoCallerDirectory;
import com.salesos.admin.aws.access.DynamoRoleCatalog;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.DynamoWorkspaceDirectory;
import com.salesos.admin.aws.plans.DynamoChargeLedger;
import com.salesos.admin.aws.plans.DynamoPlanStore;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.plans.PlanStore;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SharedSettings;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires what every function needs (settings, AWS clients shared by all, caller resolution, the
 * workspace counters and the audit log) to its adapters. Each function module wires its own use
 * cases in a factory of its own, so a function builds only the clients it uses: with Lambda's eager
 * singleton initialisation, anything declared here is built in every function.
 */
@Factory
public class AdminBeans {

    /**
     * The part of the settings every function reads, taken from the function's own settings record
     * (declared by its wiring). Taking it from there, rather than reading it again, means a function
     * lacking variables always fails on its own record, whose message names all of them. The local
     * stack hosts every function in one context, all read from the same environment, so their shared
     * parts are equal; a context that hosts no function reads the shared part alone.
     */
    @Singleton
    SharedSettings sharedSettings(List<FunctionSettings> functions) {
        if (functions.isEmpty()) {
            return SharedSettings.fromEnvironment();
        }
        // Compared to the first only when there are others: a deployed function's context holds one,
        // and a record's first equals or hashCode links its generated methods (about 20 ms of a cold
        // start, as a distinct() over the one record cost).
        SharedSettings shared = functions.get(0).shared();
        for (FunctionSettings function : functions.subList(1, functions.size())) {
            if (!function.shared().equals(shared)) {
                throw new IllegalStateException("Functions in one context disagree on the shared settings: "
                        + shared + " and " + function.shared());
            }
        }
        return shared;
    }

    /** Secondary: tests and the local stack may register a clock of their own (moving time, never sleeping). */
    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    IdGenerator ids(Clock clock, SecureRandom random) {
        return new TimeOrderedIds(clock, random);
    }

    @Singleton
    @Bean(preDestroy = "close")
    AwsClients awsClients(SharedSettings settings, List<MetricPublisher> metricPublishers) {
        return new AwsClients(settings.aws(), metricPublishers);
    }

    @Singleton
    DynamoDbClient dynamoDb(AwsClients clients) {
        return clients.dynamoDb();
    }

    /**
     * Built on its first call: views and use cases of public routes take it (role names in answers),
     * and a request that never reads a role (an invalid accept) should not build the DynamoDB client.
     */
    @Singleton
    RoleCatalog roleCatalog(BeanProvider<DynamoDbClient> dynamo, SharedSettings settings, FirstCalls firstCalls) {
        return firstCalls.of(RoleCatalog.class, () -> new DynamoRoleCatalog(dynamo.get(), settings.tableName()));
    }

    @Singleton
    CallerDirectory callerDirectory(DynamoDbClient dynamo, SharedSettings settings, RoleCatalog roles) {
        return new DynamoCallerDirectory(dynamo, settings.tableName(), roles);
    }

    @Singleton
    AccessPolicy accessPolicy(CallerDirectory callers) {
        return new AccessPolicy(callers);
    }

    @Singleton
    com.salesos.admin.access.CrmAccess crmAccess(DynamoDbClient dynamo, SharedSettings settings) {
        return new com.salesos.admin.access.CrmAccess(
                new com.salesos.admin.aws.access.DynamoCrmIdentities(dynamo, settings.tableName()));
    }

    @Singleton
    com.salesos.admin.access.SupportAccess supportAccess() {
        return new com.salesos.admin.access.SupportAccess();
    }

    @Singleton
    com.salesos.admin.support.DeletionRequestStore deletionRequests(DynamoDbClient dynamo, SharedSettings settings,
                                                                    DynamoAuditLog auditLog) {
        return new com.salesos.admin.aws.support.DynamoDeletionRequests(dynamo, settings.tableName(), auditLog);
    }

    /** Every function's access filter asks it before a workspace write. */
    @Singleton
    com.salesos.admin.support.ReadOnlyWhileDeleting readOnlyWhileDeleting(
            com.salesos.admin.support.DeletionRequestStore requests) {
        return new com.salesos.admin.support.ReadOnlyWhileDeleting(requests);
    }

    @Singleton
    WorkspaceDirectory workspaceDirectory(DynamoDbClient dynamo, SharedSettings settings) {
        return new DynamoWorkspaceDirectory(dynamo, settings.tableName());
    }

    @Singleton
    DynamoSeatLedger seatLedger(DynamoDbClient dynamo, SharedSettings settings) {
        return new DynamoSeatLedger(dynamo, settings.tableName());
    }

    @Singleton
    DynamoAuditLog auditLog(SharedSettings settings, IdGenerator ids) {
        return new DynamoAuditLog(settings.tableName(), ids);
    }


    @Singleton
    PlanCatalog planCatalog() {
        try (var source = AdminBeans.class.getResourceAsStream("/plan-catalog.properties")) {
            if (source == null) {
                throw new IllegalStateException("plan-catalog.properties is missing from the classpath");
            }
            return PlanCatalog.read(source);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Singleton
    PlanStore planStore(DynamoDbClient dynamo, SharedSettings settings, DynamoSeatLedger seats, DynamoAuditLog auditLog) {
        return new DynamoPlanStore(dynamo, settings.tableName(), seats, auditLog);
    }

    @Singleton
    BillingGateway billingGateway(DynamoDbClient dynamo, SharedSettings settings) {
        return new DynamoChargeLedger(dynamo, settings.tableName());
    }
}
