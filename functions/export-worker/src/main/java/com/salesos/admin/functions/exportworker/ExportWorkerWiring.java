package com.salesos.admin.functions.exportworker;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.exports.DynamoExportJobs;
import com.salesos.admin.aws.exports.DynamoExportRecords;
import com.salesos.admin.aws.exports.S3ExportFiles;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.exports.SesExportMailer;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.config.ExportSettings;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.exports.ExportWorker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The export worker: reads the table, writes the export bucket, wakes itself through the queue, mails the requester. */
@Factory
public class ExportWorkerWiring {

    @Singleton
    SqsExportQueue exportQueue(AwsClients clients) {
        return new SqsExportQueue(clients.configure(SqsClient.builder(), "SQS").build(), RuntimeSettings.required(ExportSettings.EXPORT_QUEUE_URL));
    }

    @Singleton
    ExportWorker exportWorker(DynamoDbClient dynamo, RuntimeSettings settings, DynamoAuditLog auditLog,
                              AwsClients clients, SqsExportQueue queue, Clock clock) {
        return new ExportWorker(new DynamoExportJobs(dynamo, settings.tableName(), auditLog),
                new DynamoExportRecords(dynamo, settings.tableName()),
                new S3ExportFiles(S3Clients.client(clients), RuntimeSettings.required(ExportSettings.EXPORTS_BUCKET)),
                queue,
                new SesExportMailer(clients.ses(), settings.senderAddress(), settings.appUrl()),
                clock, Integer.parseInt(RuntimeSettings.required(ExportSettings.PART_SIZE_BYTES)));
    }

    @Singleton
    @Named(ExportSettings.DEAD_LETTER_QUEUE_ARN)
    String deadLetterQueueArn() {
        return RuntimeSettings.required(ExportSettings.DEAD_LETTER_QUEUE_ARN);
    }
}
