package com.salesos.admin.wiring;

import com.salesos.admin.access.AccessPolicy;
import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.aws.AwsClients;
import com.salesos.admin.aws.CognitoAccountDirectory;
import com.salesos.admin.access.RoleService;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.aws.CognitoSignInControl;
import com.salesos.admin.aws.DynamoAuditLog;
import com.salesos.admin.aws.DynamoAuditTrail;
import com.salesos.admin.aws.DynamoDealOwnership;
import com.salesos.admin.aws.DynamoRoleStore;
import com.salesos.admin.aws.DynamoUserStore;
import com.salesos.admin.users.UserService;
import com.salesos.admin.aws.DynamoCallerDirectory;
import com.salesos.admin.aws.DynamoInvitationStore;
import com.salesos.admin.aws.DynamoRoleCatalog;
import com.salesos.admin.aws.DynamoSeatLedger;
import com.salesos.admin.aws.DynamoWorkspaceDirectory;
import com.salesos.admin.aws.SesInvitationMailer;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Wires the domain to its adapters. The domain classes carry no framework annotations; this
 * factory is the only place that knows which adapter backs which port.
 */
@Factory
public class AdminBeans {

    @Singleton
    RuntimeSettings runtimeSettings() {
        return RuntimeSettings.fromEnvironment();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    IdGenerator ids(Clock clock, SecureRandom random) {
        return new TimeOrderedIds(clock, random);
    }

    @Singleton
    @Bean(preDestroy = "close")
    AwsClients awsClients(RuntimeSettings settings, List<MetricPublisher> metricPublishers) {
        return new AwsClients(settings, metricPublishers);
    }

    @Singleton
    DynamoDbClient dynamoDb(AwsClients clients) {
        return clients.dynamoDb();
    }

    @Singleton
    SesV2Client ses(AwsClients clients) {
        return clients.ses();
    }

    @Singleton
    CognitoIdentityProviderClient cognito(AwsClients clients) {
        return clients.cognito();
    }

    @Singleton
    RoleCatalog roleCatalog(DynamoDbClient dynamo, RuntimeSettings settings) {
        return new DynamoRoleCatalog(dynamo, settings.tableName());
    }

    @Singleton
    CallerDirectory callerDirectory(DynamoDbClient dynamo, RuntimeSettings settings, RoleCatalog roles) {
        return new DynamoCallerDirectory(dynamo, settings.tableName(), roles);
    }

    @Singleton
    AccessPolicy accessPolicy(CallerDirectory callers) {
        return new AccessPolicy(callers);
    }

    @Singleton
    WorkspaceDirectory workspaceDirectory(DynamoDbClient dynamo, RuntimeSettings settings) {
        return new DynamoWorkspaceDirectory(dynamo, settings.tableName());
    }

    @Singleton
    DynamoSeatLedger seatLedger(DynamoDbClient dynamo, RuntimeSettings settings) {
        return new DynamoSeatLedger(dynamo, settings.tableName());
    }

    @Singleton
    DynamoAuditLog auditLog(RuntimeSettings settings, IdGenerator ids) {
        return new DynamoAuditLog(settings.tableName(), ids);
    }

    @Singleton
    UserService userService(DynamoDbClient dynamo, RuntimeSettings settings, DynamoSeatLedger seats,
                            DynamoAuditLog auditLog, RoleCatalog roles, WorkspaceDirectory workspaces,
                            CognitoIdentityProviderClient cognito, Clock clock) {
        return new UserService(new DynamoUserStore(dynamo, settings.tableName(), seats, auditLog), roles, workspaces,
                new CognitoSignInControl(cognito, settings.userPoolId()),
                new DynamoDealOwnership(dynamo, settings.tableName(), auditLog), clock);
    }

    @Singleton
    RoleService roleService(DynamoDbClient dynamo, RuntimeSettings settings, DynamoAuditLog auditLog,
                            RoleCatalog roles, IdGenerator ids, Clock clock) {
        return new RoleService(new DynamoRoleStore(dynamo, settings.tableName(), auditLog), roles, ids, clock);
    }

    @Singleton
    AuditTrail auditTrail(DynamoDbClient dynamo, RuntimeSettings settings) {
        return new DynamoAuditTrail(dynamo, settings.tableName());
    }

    @Singleton
    InvitationService invitationService(DynamoDbClient dynamo, RuntimeSettings settings, DynamoSeatLedger seats,
                                        DynamoAuditLog auditLog, RoleCatalog roles, WorkspaceDirectory workspaces,
                                        SesV2Client ses, CognitoIdentityProviderClient cognito,
                                        CallerDirectory callers, IdGenerator ids, SecureRandom random, Clock clock) {
        return new InvitationService(
                new DynamoInvitationStore(dynamo, settings.tableName(), seats, auditLog),
                roles, workspaces,
                new SesInvitationMailer(ses, settings.senderAddress(), settings.appUrl()),
                new CognitoAccountDirectory(cognito, settings.userPoolId()),
                callers, ids, random, clock);
    }
}
