package com.salesos.admin.functions.exports;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.exports.DynamoExportJobs;
import com.salesos.admin.aws.exports.S3ExportDownloads;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.exports.ExportService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The exports function: job requests go to the table and the queue; downloads are pre-signed S3 links. */
@Factory
public class ExportsWiring {

    @Singleton
    ExportsSettings settings() {
        return ExportsSettings.fromEnvironment();
    }

    @Singleton
    ExportService exportService(DynamoDbClient dynamo, ExportsSettings settings, DynamoAuditLog auditLog,
                                AwsClients clients, IdGenerator ids, Clock clock) {
        SqsClient sqs = clients.client(SqsClient.class, SqsClient::builder, "SQS");
        // Only pre-signing here (no S3 calls), so no S3 client is built.
        S3ExportDownloads downloads = new S3ExportDownloads(S3Clients.presigner(clients), settings.exportsBucket());
        return new ExportService(new DynamoExportJobs(dynamo, settings.shared().tableName(), auditLog),
                new SqsExportQueue(sqs, settings.exportQueueUrl()), downloads, ids, clock);
    }
}
