package com.salesos.admin.functions.invites;

import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.invites.DynamoBulkInvitationStore;
import com.salesos.admin.aws.invites.SqsInvitationQueue;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The bulk invitation use case: the table adapter for files, and the invitation queue it hands emails to. */
@Factory
public class BulkInvitesWiring {

    @Singleton
    SqsInvitationQueue invitationQueue(InvitesSettings settings, AwsClients clients) {
        return new SqsInvitationQueue(clients.configure(SqsClient.builder(), "SQS").build(), settings.invitationQueueUrl());
    }

    @Singleton
    BulkInvitationService bulkInvitationService(DynamoDbClient dynamo, InvitesSettings settings, DynamoSeatLedger seats,
                                                DynamoAuditLog auditLog, SqsInvitationQueue queue, RoleCatalog roles,
                                                WorkspaceDirectory workspaces, IdGenerator ids, SecureRandom random,
                                                Clock clock) {
        return new BulkInvitationService(new DynamoBulkInvitationStore(dynamo, settings.shared().tableName(), seats, auditLog),
                queue, roles, workspaces, ids, random, clock);
    }
}
