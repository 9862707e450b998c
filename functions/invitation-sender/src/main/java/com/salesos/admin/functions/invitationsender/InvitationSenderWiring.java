package com.salesos.admin.functions.invitationsender;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.invites.DynamoInvitationDeliveries;
import com.salesos.admin.aws.invites.SesInvitationMailer;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.config.InvitationQueueSettings;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.invites.InvitationDelivery;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The invitation sender: reads and updates invitations, counts sends, mails through SES, re-queues what must wait. */
@Factory
public class InvitationSenderWiring {

    /** Where the invites function is wired in too (the local server, tests), its queue bean is this one's twin. */
    @Singleton
    @Requires(missingBeans = SqsInvitationQueue.class)
    SqsInvitationQueue invitationQueue(AwsClients clients) {
        return new SqsInvitationQueue(clients.configure(SqsClient.builder(), "SQS").build(),
                RuntimeSettings.required(InvitationQueueSettings.INVITATION_QUEUE_URL));
    }

    @Singleton
    InvitationDelivery invitationDelivery(DynamoDbClient dynamo, RuntimeSettings settings, AwsClients clients,
                                          WorkspaceDirectory workspaces, SecureRandom random, Clock clock) {
        return new InvitationDelivery(new DynamoInvitationDeliveries(dynamo, settings.tableName()),
                new SesInvitationMailer(clients.ses(), settings.senderAddress(), settings.appUrl()),
                workspaces, SendLimits.STANDARD, random, clock);
    }

    @Singleton
    SendPace sendPace() {
        return new SendPace(Integer.parseInt(RuntimeSettings.required(InvitationQueueSettings.SENDS_PER_SECOND)));
    }

    @Singleton
    @Named(InvitationQueueSettings.DEAD_LETTER_QUEUE_ARN)
    String deadLetterQueueArn() {
        return RuntimeSettings.required(InvitationQueueSettings.DEAD_LETTER_QUEUE_ARN);
    }
}
