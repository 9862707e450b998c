package com.salesos.admin.functions.exportworker;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.exports.DynamoExportJobs;
import com.salesos.admin.aws.exports.DynamoExportRecords;
import com.salesos.admin.aws.exports.S3ExportFiles;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.exports.SesExportMailer;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.common.Pacer;
import com.salesos.admin.exports.ExportWorker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The export worker: reads the table, writes the export bucket, wakes itself through the queue, mails the requester. */
@Factory
public class ExportWorkerWiring {

    @Singleton
    ExportWorkerSettings settings() {
        return ExportWorkerSettings.fromEnvironment();
    }

    @Singleton
    SqsExportQueue exportQueue(ExportWorkerSettings settings, AwsClients clients) {
        return new SqsExportQueue(clients.client(SqsClient.class, SqsClient::builder, "SQS"), settings.exportQueueUrl());
    }

    @Singleton
    ExportWorker exportWorker(DynamoDbClient dynamo, ExportWorkerSettings settings, DynamoAuditLog auditLog,
                              AwsClients clients, SqsExportQueue queue, Clock clock) {
        return new ExportWorker(new DynamoExportJobs(dynamo, settings.shared().tableName(), auditLog),
                new DynamoExportRecords(dynamo, settings.shared().tableName()),
                new S3ExportFiles(S3Clients.client(clients), settings.exportsBucket()),
                queue,
                new SesExportMailer(clients.client(SesV2Client.class, SesV2Client::builder, "SESV2"), settings.senderAddress(), settings.appUrl()),
                clock, settings.partSizeBytes(), Pacer.of(settings.pagesPerSecond()));
    }
}
