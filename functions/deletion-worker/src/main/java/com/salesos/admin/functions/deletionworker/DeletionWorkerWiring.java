package com.salesos.admin.functions.deletionworker;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.invites.CognitoAccountDirectory;
import com.salesos.admin.aws.support.DynamoS3WorkspacePurge;
import com.salesos.admin.support.DeletionRequestStore;
import com.salesos.admin.support.DeletionWorker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deletion worker: the table, both buckets and the user pool, for the requests support executed. */
@Factory
public class DeletionWorkerWiring {

    @Singleton
    DeletionWorkerSettings settings() {
        return DeletionWorkerSettings.fromEnvironment();
    }

    @Singleton
    DeletionWorker deletionWorker(DynamoDbClient dynamo, DeletionWorkerSettings settings, DeletionRequestStore requests,
                                  AwsClients clients, Clock clock) {
        return new DeletionWorker(requests,
                new DynamoS3WorkspacePurge(dynamo, settings.shared().tableName(), S3Clients.client(clients),
                        settings.exportsBucket(), settings.badgesBucket()),
                new CognitoAccountDirectory(
                        clients.client(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"),
                        settings.userPoolId()), clock);
    }
}
