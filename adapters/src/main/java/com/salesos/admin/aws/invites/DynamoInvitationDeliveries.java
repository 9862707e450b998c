package com.salesos.admin.aws.invites;

import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.invites.DeliveryStore;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.invites.InvitationStore.Reissue;
import com.salesos.admin.invites.InvitationStore.SendLimitReached;
import com.salesos.admin.invites.SendLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** What the invitation sender reads and writes: the invitation, its link token and the send counters. */
public final class DynamoInvitationDeliveries implements DeliveryStore {

    /** Who invited, written on bulk invitations; others were mailed in their own request. */
    private static final String INVITED_BY = "invitedByEmail";

    private final DynamoDbClient dynamo;
    private final String table;
    private final SendCounters sends;

    public DynamoInvitationDeliveries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.sends = new SendCounters(table);
    }

    @Override
    public Optional<Queued> find(String workspaceId, String invitationId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.invitation(invitationId)))
                .map(item -> new Queued(DynamoInvitationStore.fromItem(item),
                        item.optionalString(INVITED_BY).orElse("an administrator")));
    }

    @Override
    public Reissue issue(Invitation current, Invitation reissued, SendLimits limits, Instant at) {
        String ws = current.workspaceId();
        // Never over a link whose email already went out: the sender's retry must not replace it.
        Steps steps = DynamoInvitationStore.newLink(table, current, reissued, true);
        sends.count(steps, ws, current.email(), limits, at);
        try {
            // Gated like every workspace write: no link is issued (and so no email sent) while the
            // workspace's deletion is confirmed; the refusal is retried from the queue.
            WorkspaceGate.commit(dynamo, table, ws, steps.items());
            return new Reissue.Reissued();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (steps.failed(reasons, "invitation")) {
                return new Reissue.NoLongerPending();
            }
            Optional<SendLimitReached> limited = SendCounters.refusal(steps, reasons, limits, at);
            if (limited.isPresent()) {
                return limited.get();
            }
            throw e;
        }
    }

    @Override
    public void recordDelivery(Invitation invitation, DeliveryStatus delivery) {
        DynamoInvitationStore.recordDelivery(dynamo, table, invitation, delivery);
    }

    @Override
    public void giveUp(String workspaceId, String invitationId) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.invitation(invitationId)))
                    .updateExpression("SET delivery = :failed")
                    .conditionExpression("#st = :pending AND delivery <> :sent")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":failed", s(DeliveryStatus.FAILED.name()),
                            ":sent", s(DeliveryStatus.SENT.name()), ":pending", s(InvitationStatus.PENDING.name()))));
        } catch (ConditionalCheckFailedException settled) {
            // Sent, accepted or revoked meanwhile (or gone): nothing to mark.
        }
    }
}
