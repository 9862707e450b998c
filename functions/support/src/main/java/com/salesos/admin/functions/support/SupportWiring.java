package com.salesos.admin.functions.support;

import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.invites.CognitoAccountDirectory;
import com.salesos.admin.aws.invites.DynamoInvitationStore;
import com.salesos.admin.aws.invites.SesInvitationMailer;
import com.salesos.admin.aws.support.DynamoWorkspaceRegistry;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.support.WorkspaceProvisioning;
import com.salesos.admin.support.DeletionRequestStore;
import com.salesos.admin.support.WorkspaceDeletion;
import com.salesos.admin.aws.support.SesDeletionNotices;
import com.salesos.admin.aws.support.SqsDeletionExecution;
import com.salesos.admin.aws.users.DynamoUserStore;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The support function: provisioning builds on the same invitation use case as the invites
 * function (its own instance, wired the same way), so the first Admin gets the same invitation.
 */
@Factory
public class SupportWiring {

    @Singleton
    SupportSettings settings() {
        return SupportSettings.fromEnvironment();
    }

    @Singleton
    WorkspaceProvisioning workspaceProvisioning(DynamoDbClient dynamo, SupportSettings settings, DynamoSeatLedger seats,
                                                DynamoAuditLog auditLog, PlanCatalog plans, RoleCatalog roles,
                                                WorkspaceDirectory workspaces, AwsClients clients,
                                                CallerDirectory callers,
                                                IdGenerator ids, SecureRandom random, Clock clock) {
        // Not a bean of its own: the local stack hosts every function in one context, where the
        // invites function declares the invitation use case already.
        InvitationService invitations = new InvitationService(
                new DynamoInvitationStore(dynamo, settings.shared().tableName(), seats, auditLog),
                roles, workspaces,
                new SesInvitationMailer(ses(clients), settings.senderAddress(), settings.appUrl()),
                new CognitoAccountDirectory(
                        clients.client(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"),
                        settings.userPoolId()),
                callers, SendLimits.STANDARD, ids, random, clock);
        return new WorkspaceProvisioning(new DynamoWorkspaceRegistry(dynamo, settings.shared().tableName(), auditLog),
                plans, invitations, ids, clock);
    }

    @Singleton
    WorkspaceDeletion workspaceDeletion(DynamoDbClient dynamo, SupportSettings settings, DeletionRequestStore requests,
                                        DynamoSeatLedger seats, DynamoAuditLog auditLog, AwsClients clients,
                                        IdGenerator ids, Clock clock) {
        String table = settings.shared().tableName();
        SqsClient sqs = clients.client(SqsClient.class, SqsClient::builder, "SQS");
        return new WorkspaceDeletion(requests, new DynamoWorkspaceRegistry(dynamo, table, auditLog),
                new SesDeletionNotices(new DynamoUserStore(dynamo, table, seats, auditLog), ses(clients),
                        settings.senderAddress(), settings.appUrl()),
                new SqsDeletionExecution(sqs, settings.deletionQueueUrl()),
                settings.deletionWaitingPeriod(), ids, clock);
    }

    private static SesV2Client ses(AwsClients clients) {
        return clients.client(SesV2Client.class, SesV2Client::builder, "SESV2");
    }
}
