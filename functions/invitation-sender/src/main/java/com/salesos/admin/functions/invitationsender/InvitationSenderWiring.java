package com.salesos.admin.functions.invitationsender;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.invites.DynamoInvitationDeliveries;
import com.salesos.admin.aws.invites.SesInvitationMailer;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.invites.InvitationDelivery;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import com.salesos.admin.common.Pacer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The invitation sender: reads and updates invitations, counts sends, mails through SES, re-queues what must wait. */
@Factory
public class InvitationSenderWiring {

    @Singleton
    InvitationSenderSettings settings() {
        return InvitationSenderSettings.fromEnvironment();
    }

    /** Where the invites function is wired in too (the local server, tests), its queue bean is this one's twin. */
    @Singleton
    @Requires(missingBeans = SqsInvitationQueue.class)
    SqsInvitationQueue invitationQueue(InvitationSenderSettings settings, AwsClients clients) {
        return new SqsInvitationQueue(clients.configure(SqsClient.builder(), "SQS").build(), settings.invitationQueueUrl());
    }

    @Singleton
    InvitationDelivery invitationDelivery(DynamoDbClient dynamo, InvitationSenderSettings settings, AwsClients clients,
                                          WorkspaceDirectory workspaces, SecureRandom random, Clock clock) {
        return new InvitationDelivery(new DynamoInvitationDeliveries(dynamo, settings.shared().tableName()),
                new SesInvitationMailer(clients.client(SesV2Client.class, SesV2Client::builder, "SESV2"), settings.senderAddress(), settings.appUrl()),
                workspaces, SendLimits.STANDARD, random, clock);
    }

    /** One email per unit at the sender's share of the SES send rate. */
    @Singleton
    Pacer sendPace(InvitationSenderSettings settings) {
        return Pacer.of(settings.sendsPerSecond());
    }
}
