package com.salesos.admin.functions.reassignmentworker;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.aws.users.DynamoDealReassignments;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.common.Pacer;
import com.salesos.admin.users.DealReassignmentWorker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The reassignment worker: the table (jobs and deals) and its own queue, at the configured pace. */
@Factory
public class ReassignmentWorkerWiring {

    @Singleton
    ReassignmentWorkerSettings settings() {
        return ReassignmentWorkerSettings.fromEnvironment();
    }

    @Singleton
    SqsReassignmentQueue reassignmentQueue(ReassignmentWorkerSettings settings, AwsClients clients) {
        return new SqsReassignmentQueue(clients.configure(SqsClient.builder(), "SQS").build(), settings.queueUrl());
    }

    /** One pacer per container: a container runs one job at a time, and the pace holds across its jobs. */
    @Singleton
    DealReassignmentWorker reassignmentWorker(DynamoDbClient dynamo, ReassignmentWorkerSettings settings,
                                              DynamoAuditLog auditLog, SqsReassignmentQueue queue, Clock clock) {
        String table = settings.shared().tableName();
        return new DealReassignmentWorker(new DynamoDealReassignments(dynamo, table, auditLog),
                new DynamoDealOwnership(dynamo, table, auditLog), queue, Pacer.of(settings.dealsPerSecond()), clock);
    }
}
