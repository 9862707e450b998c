package com.salesos.admin.functions.users;

import com.salesos.admin.users.SignInControl;
import com.salesos.admin.wiring.FirstCalls;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.access.RoleService;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.users.CognitoSignInControl;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.audit.DynamoAuditTrail;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.aws.users.DynamoDealReassignments;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.users.DealReassignments;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.salesos.admin.aws.access.DynamoRoleStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.users.DynamoUserStore;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.users.UserService;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The users function's use cases: users, deal reassignments, roles, audit trail. */
@Factory
public class UsersWiring {

    @Singleton
    UsersSettings settings() {
        return UsersSettings.fromEnvironment();
    }

    @Singleton
    UserService userService(DynamoDbClient dynamo, UsersSettings settings, DynamoSeatLedger seats,
                            DynamoAuditLog auditLog, RoleCatalog roles, WorkspaceDirectory workspaces,
                            AwsClients clients, Clock clock, FirstCalls firstCalls) {
        return new UserService(new DynamoUserStore(dynamo, settings.shared().tableName(), seats, auditLog), roles, workspaces,
                // Cognito is built on the first deactivation or reactivation, not with the service.
                firstCalls.of(SignInControl.class, () -> new CognitoSignInControl(
                        clients.client(CognitoIdentityProviderClient.class, CognitoIdentityProviderClient::builder, "COGNITO_IDENTITY_PROVIDER"),
                        settings.userPoolId())),
                new DynamoDealOwnership(dynamo, settings.shared().tableName(), auditLog), clock);
    }

    /** Moves deals between users; large moves are queued for the reassignment worker. */
    @Singleton
    DealReassignments dealReassignments(DynamoDbClient dynamo, UsersSettings settings, DynamoSeatLedger seats,
                                        DynamoAuditLog auditLog, AwsClients clients, IdGenerator ids, Clock clock) {
        String table = settings.shared().tableName();
        return new DealReassignments(new DynamoUserStore(dynamo, table, seats, auditLog),
                new DynamoDealOwnership(dynamo, table, auditLog), new DynamoDealReassignments(dynamo, table, auditLog),
                new SqsReassignmentQueue(clients.configure(SqsClient.builder(), "SQS").build(), settings.reassignmentQueueUrl()),
                ids, clock);
    }

    @Singleton
    RoleService roleService(DynamoDbClient dynamo, UsersSettings settings, DynamoAuditLog auditLog,
                            RoleCatalog roles, IdGenerator ids, Clock clock) {
        return new RoleService(new DynamoRoleStore(dynamo, settings.shared().tableName(), auditLog), roles, ids, clock);
    }

    @Singleton
    AuditTrail auditTrail(DynamoDbClient dynamo, UsersSettings settings) {
        return new DynamoAuditTrail(dynamo, settings.shared().tableName());
    }

}
