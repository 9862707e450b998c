package com.salesos.admin.functions.invites;

import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.InvitationMailer;
import com.salesos.admin.wiring.OnFirstCall;
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
    InvitationService invitationService(DynamoDbClient dynamo, InvitesSettings settings, DynamoSeatLedger seats,
                                        DynamoAuditLog auditLog, RoleCatalog roles, WorkspaceDirectory workspaces,
                                        AwsClients clients, CallerDirectory callers, IdGenerator ids, SecureRandom random,
                                        Clock clock) {
        // SES and Cognito are built on the first email and the first accept, not with the service.
        String table = settings.shared().tableName();
        return new InvitationService(
                new DynamoInvitationStore(dynamo, table, seats, auditLog),
                roles, workspaces,
                OnFirstCall.of(InvitationMailer.class, () -> new SesInvitationMailer(
                        clients.client(SesV2Client.class, SesV2Client::builder, "SESV2"), settings.senderAddress(), settings.appUrl())),
                OnFirstCall.of(AccountDirectory.class, () -> new CognitoAccountDirectory(
                        clients.client(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"),
                        settings.userPoolId())),
                callers, SendLimits.STANDARD, ids, random, clock);
    }
}
