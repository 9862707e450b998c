package com.salesos.admin.functions.deletionworker;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.invites.CognitoAccountDirectory;
import com.salesos.admin.aws.support.DynamoS3WorkspacePurge;
import com.salesos.admin.aws.support.SqsDeletionExecution;
import com.salesos.admin.support.DeletionRequestStore;
import com.salesos.admin.support.DeletionWorker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The deletion worker: the table, both buckets and the user pool, for the requests support
 * executed; its own queue, to continue a deletion in the next invocation.
 */
@Factory
public class DeletionWorkerWiring {

    @Singleton
    DeletionWorkerSettings settings() {
        return DeletionWorkerSettings.fromEnvironment();
    }

    @Singleton
    DeletionWorker deletionWorker(DynamoDbClient dynamo, DeletionWorkerSettings settings, DeletionRequestStore requests,
                                  AwsClients clients, Clock clock) {
        SqsClient sqs = clients.configure(SqsClient.builder(), "SQS").build();
        return new DeletionWorker(requests,
                new DynamoS3WorkspacePurge(dynamo, settings.shared().tableName(), S3Clients.client(clients),
                        new CognitoAccountDirectory(clients.client(CognitoIdentityProviderClient.class,
                                CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"), settings.userPoolId()), settings.exportsBucket(),
                        settings.badgesBucket()),
                new SqsDeletionExecution(sqs, settings.deletionQueueUrl()), clock);
    }
}
