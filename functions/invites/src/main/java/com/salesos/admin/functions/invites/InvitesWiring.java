package com.salesos.admin.functions.invites;

import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.InvitationMailer;
import com.salesos.admin.wiring.FirstCalls;
import com.salesos.admin.invites.InvitationStore;
import io.micronaut.context.BeanProvider;
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
    InvitationService invitationService(BeanProvider<DynamoDbClient> dynamo, InvitesSettings settings,
                                        BeanProvider<DynamoSeatLedger> seats, DynamoAuditLog auditLog, RoleCatalog roles,
                                        BeanProvider<WorkspaceDirectory> workspaces, AwsClients clients,
                                        BeanProvider<CallerDirectory> callers, IdGenerator ids, SecureRandom random,
                                        Clock clock, FirstCalls firstCalls) {
        // Every adapter is built on its port's first call: the accept route validates its body in
        // the use case before any read, so an invalid accept builds no AWS client at all (DynamoDB
        // included), and SES and Cognito wait for the first email and the first real accept.
        String table = settings.shared().tableName();
        return new InvitationService(
                firstCalls.of(InvitationStore.class, () -> new DynamoInvitationStore(dynamo.get(), table, seats.get(), auditLog)),
                roles,
                firstCalls.of(WorkspaceDirectory.class, workspaces::get),
                firstCalls.of(InvitationMailer.class, () -> new SesInvitationMailer(
                        clients.client(SesV2Client.class, SesV2Client::builder, "SESV2"), settings.senderAddress(), settings.appUrl())),
                firstCalls.of(AccountDirectory.class, () -> new CognitoAccountDirectory(
                        clients.client(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"),
                        settings.userPoolId())),
                firstCalls.of(CallerDirectory.class, callers::get),
                SendLimits.STANDARD, ids, random, clock);
    }
}
