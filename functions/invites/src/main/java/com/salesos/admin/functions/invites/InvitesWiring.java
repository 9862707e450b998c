package com.salesos.admin.functions.invites;

import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.invites.CognitoAccountDirectory;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.DynamoInvitationStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.invites.SesInvitationMailer;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The invites function's use case and the clients only it needs (SES, Cognito). */
@Factory
public class InvitesWiring {

    @Singleton
    InvitesSettings settings() {
        return InvitesSettings.fromEnvironment();
    }

    @Singleton
    SesV2Client ses(AwsClients clients) {
        return clients.configure(SesV2Client.builder(), "SESV2").build();
    }

    @Singleton
    InvitationService invitationService(DynamoDbClient dynamo, InvitesSettings settings, DynamoSeatLedger seats,
                                        DynamoAuditLog auditLog, RoleCatalog roles, WorkspaceDirectory workspaces,
                                        SesV2Client ses, AwsClients clients, CallerDirectory callers, IdGenerator ids, SecureRandom random, Clock clock) {
        return new InvitationService(
                new DynamoInvitationStore(dynamo, settings.shared().tableName(), seats, auditLog),
                roles, workspaces,
                new SesInvitationMailer(ses, settings.senderAddress(), settings.appUrl()),
                new CognitoAccountDirectory(
                        clients.configure(CognitoIdentityProviderClient.builder(), "COGNITO_IDENTITY_PROVIDER").build(),
                        settings.userPoolId()),
                callers, SendLimits.STANDARD, ids, random, clock);
    }
}
