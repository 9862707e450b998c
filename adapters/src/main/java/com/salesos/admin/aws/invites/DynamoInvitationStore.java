package com.salesos.admin.aws.invites;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.users.DynamoUsers;
import com.salesos.admin.aws.workspaces.CounterSteps;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.EmailGuard;
import com.salesos.admin.aws.workspaces.RoleHolders;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.n;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.invites.InvitationStore;
import com.salesos.admin.invites.InvitationToken.TokenHash;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.users.User;
import com.salesos.admin.workspaces.CounterChange;
import com.salesos.admin.workspaces.EmailClaim;
import com.salesos.admin.workspaces.EmailClaim.Holder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Invitations in the single table; seats, email guard, token and audit change in one transaction. */
public final class DynamoInvitationStore implements InvitationStore {

    private static final String ACCEPTED_BY = "userId";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoSeatLedger seats;
    private final DynamoAuditLog auditLog;
    private final SendCounters sends;

    public DynamoInvitationStore(DynamoDbClient dynamo, String table, DynamoSeatLedger seats, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.seats = seats;
        this.auditLog = auditLog;
        this.sends = new SendCounters(table);
    }

    @Override
    public Creation create(Invitation invitation, AuditEvent audit, Optional<IdempotencyKey> key, SendLimits limits) {
        String ws = invitation.workspaceId();
        Steps steps = new Steps();
        key.ifPresent(k -> steps.add("idempotency",
                IdempotencyRecords.claim(table, ws, k, invitation.id(), invitation.createdAt())));
        steps.add("email", EmailGuard.step(table, ws,
                        new EmailClaim.Take(invitation.email(), new Holder.PendingInvitation(invitation.id()))))
                .add("counters", CounterSteps.step(table, ws, CounterChange.none().takeSeatForInvitation()))
                .add("role", RoleHolders.step(table, ws, RoleHolding.take(invitation.roleId())))
                .add("invitation", Transactions.putNew(table, toItem(invitation)))
                .add("token", Transactions.putNew(table, tokenItem(invitation)))
                .add("audit", auditLog.append(audit));
        sends.count(steps, ws, invitation.email(), limits, invitation.createdAt());
        try {
            WorkspaceGate.commit(dynamo, table, ws, steps.items());
            return new Creation.Created(invitation);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (key.isPresent() && steps.failed(reasons, "idempotency")) {
                return replay(ws, key.get());
            }
            if (steps.failed(reasons, "email")) {
                return new Creation.EmailTaken();
            }
            if (steps.failed(reasons, "counters")) {
                return new Creation.NoFreeSeat(seats.read(ws));
            }
            if (steps.failed(reasons, "role")) {
                return new Creation.RoleGone();
            }
            // Last: waiting for the next window would not help against any refusal above.
            Optional<SendLimitReached> limited = SendCounters.refusal(steps, reasons, limits, invitation.createdAt());
            if (limited.isPresent()) {
                return limited.get();
            }
            throw e;
        }
    }

    private Creation replay(String ws, IdempotencyKey key) {
        IdempotencyKey.Replay replay = IdempotencyRecords.replay(dynamo, table, ws, key);
        return new Creation.Replayed(replay.resourceId(), replay.sameRequest());
    }

    @Override
    public Optional<Invitation> find(String workspaceId, String invitationId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.invitation(invitationId)))
                .map(item -> fromItem(item));
    }

    @Override
    public Page<Invitation> list(String workspaceId, Optional<InvitationStatus> status, PageRequest page) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(page.limit());
        Optional<Map<String, AttributeValue>> start;
        if (status.isPresent()) {
            String partition = TableKeys.invitationsByStatus(workspaceId, status.get().name());
            query.indexName(TableKeys.GSI1)
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(partition)));
            start = page.cursor().map(c -> Cursor.decodeIndexKey(c, TableKeys.workspace(workspaceId),
                    partition, TableKeys.invitation("")));
        } else {
            query.keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)),
                            ":s", s(TableKeys.invitation(""))));
            start = page.cursor().map(c -> Cursor.decodeTableKey(c, TableKeys.workspace(workspaceId),
                    TableKeys.invitation("")));
        }
        start.ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamo.query(query.build());
        List<Invitation> items = response.items().stream().map(i -> fromItem(Item.from(i))).toList();
        return new Page<>(items, Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public void recordDelivery(Invitation invitation, DeliveryStatus delivery) {
        recordDelivery(dynamo, table, invitation, delivery);
    }

    /** The delivery of this link, unless a newer link was issued meanwhile (its own outcome is the one that counts). */
    static void recordDelivery(DynamoDbClient dynamo, String table, Invitation invitation, DeliveryStatus delivery) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Item.key(TableKeys.workspace(invitation.workspaceId()), TableKeys.invitation(invitation.id())))
                    .updateExpression("SET delivery = :d")
                    .conditionExpression("tokenHash = :h")
                    .expressionAttributeValues(Map.of(":d", s(delivery.name()), ":h", s(invitation.tokenHash().hex()))));
        } catch (ConditionalCheckFailedException reissuedMeanwhile) {
            // A newer link was issued; its own delivery outcome is the one that counts.
        }
    }

    @Override
    public Reissue reissue(Invitation current, Invitation reissued, AuditEvent audit, SendLimits limits, Instant at) {
        String ws = current.workspaceId();
        Steps steps = newLink(table, current, reissued, false)
                .add("audit", auditLog.append(audit));
        sends.count(steps, ws, current.email(), limits, at);
        try {
            WorkspaceGate.commit(dynamo, table, ws, steps.items());
            return new Reissue.Reissued();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (steps.failed(reasons, "invitation") || steps.failed(reasons, "oldToken")) {
                return new Reissue.NoLongerPending();
            }
            Optional<SendLimitReached> limited = SendCounters.refusal(steps, reasons, limits, at);
            if (limited.isPresent()) {
                return limited.get();
            }
            if (Transactions.anyConditionFailed(reasons)) {
                return new Reissue.NoLongerPending();
            }
            throw e;
        }
    }

    /**
     * The steps that replace a pending invitation's link: the invitation takes the new token (while
     * it is pending, still has the old one and, with {@code unlessSent}, its email has not gone out
     * yet), the old token item goes and
     * the new one is put. The old token's delete is unconditional: a bulk invitation not yet mailed
     * has no token item (the sender issues its first link); the invitation's own condition on
     * tokenHash guards the race.
     */
    static Steps newLink(String table, Invitation current, Invitation reissued, boolean unlessSent) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":new", s(reissued.tokenHash().hex()),
                ":old", s(current.tokenHash().hex()), ":exp", s(reissued.expiresAt().toString()),
                ":d", s(DeliveryStatus.SENDING.name()), ":pending", s(InvitationStatus.PENDING.name())));
        if (unlessSent) {
            values.put(":sent", s(DeliveryStatus.SENT.name()));
        }
        return new Steps()
                .add("invitation", TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(Item.key(TableKeys.workspace(current.workspaceId()), TableKeys.invitation(current.id())))
                        .updateExpression("SET tokenHash = :new, expiresAt = :exp, delivery = :d")
                        .conditionExpression("#st = :pending AND tokenHash = :old" + (unlessSent ? " AND delivery <> :sent" : ""))
                        .expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(values))
                        .build())
                .add("oldToken", TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Item.key(TableKeys.token(current.tokenHash().hex()), TableKeys.TOKEN_SK))).build())
                .add("newToken", Transactions.putNew(table, tokenItem(reissued)));
    }

    @Override
    public boolean revoke(Invitation current, AuditEvent audit) {
        String ws = current.workspaceId();
        Steps steps = new Steps()
                .add("invitation", statusChange(current, InvitationStatus.REVOKED, Map.of()))
                .add("counters", CounterSteps.step(table, ws, CounterChange.none().releaseInvitationSeat()))
                .add("email", EmailGuard.step(table, ws,
                        new EmailClaim.Release(current.email(), new Holder.PendingInvitation(current.id()))))
                // The token item may be gone: a bulk row has none until its email is sent, and TTL
                // removes a link's item a week after it expired. The invitation step's condition
                // (pending, this token) is what guards the race with an accept.
                .add("token", TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Item.key(TableKeys.token(current.tokenHash().hex()), TableKeys.TOKEN_SK))).build())
                .add("role", RoleHolders.step(table, ws, RoleHolding.giveUp(current.roleId())))
                .add("audit", auditLog.append(audit));
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, ws, steps.items());
    }

    @Override
    public Optional<TokenGrant> findToken(TokenHash hash) {
        return Item.read(dynamo, table, Item.key(TableKeys.token(hash.hex()), TableKeys.TOKEN_SK))
                .map(token -> new TokenGrant(token.string("workspaceId"), token.string("invitationId")));
    }

    @Override
    public Acceptance accept(Invitation invitation, User user, AuditEvent audit) {
        String ws = invitation.workspaceId();
        // The invitation's hold on a custom role passes to the user: the holder count stays.
        Steps steps = new Steps()
                .add("invitation", statusChange(invitation, InvitationStatus.ACCEPTED, Map.of(ACCEPTED_BY, user.id())))
                .add("token", Transactions.delete(table, Item.key(TableKeys.token(invitation.tokenHash().hex()), TableKeys.TOKEN_SK)))
                .add("user", Transactions.putNew(table, DynamoUsers.toItem(user)))
                .add("principal", Transactions.putNew(table, DynamoUsers.principalItem(user)))
                .add("email", EmailGuard.step(table, ws, new EmailClaim.Transfer(invitation.email(),
                        new Holder.PendingInvitation(invitation.id()), new Holder.ActiveUser(user.id()))))
                .add("counters", CounterSteps.step(table, ws,
                        CounterChange.none().convertInvitationToUser().gainAdminIf(user.roleId())))
                .add("audit", auditLog.append(audit));
        WorkspaceGate.Gated gated = WorkspaceGate.gated(table, ws, steps.items());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(gated.writes()));
            return new Acceptance.Accepted(user);
        } catch (TransactionCanceledException e) {
            Optional<String> lock = WorkspaceGate.lockThatRefused(dynamo, table, ws, gated, e);
            if (lock.isPresent()) {
                return new Acceptance.WorkspaceLocked(lock.get());
            }
            if (steps.failed(e.cancellationReasons(), "principal")) {
                return new Acceptance.AccountTaken();
            }
            if (Transactions.anyConditionFailed(e.cancellationReasons())) {
                return new Acceptance.NoLongerPending();
            }
            throw e;
        }
    }

    /** Moves a pending invitation to a final status; the condition makes a second move fail. */
    private TransactWriteItem statusChange(Invitation invitation, InvitationStatus to, Map<String, String> extra) {
        StringBuilder set = new StringBuilder("SET #st = :to, gsi1pk = :idx");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":to", s(to.name()), ":pending", s(InvitationStatus.PENDING.name()),
                ":h", s(invitation.tokenHash().hex()),
                ":idx", s(TableKeys.invitationsByStatus(invitation.workspaceId(), to.name()))));
        extra.forEach((name, value) -> {
            set.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, s(value));
        });
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(invitation.workspaceId()), TableKeys.invitation(invitation.id())))
                .updateExpression(set.toString())
                .conditionExpression("#st = :pending AND tokenHash = :h")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(values)).build();
    }

    /** Package-visible: the sender issues links with this very layout. */
    static Item tokenItem(Invitation invitation) {
        return Item.of(TableKeys.token(invitation.tokenHash().hex()), TableKeys.TOKEN_SK)
                .with("workspaceId", invitation.workspaceId())
                .with("invitationId", invitation.id())
                .with("expiresAt", invitation.expiresAt())
                // DynamoDB TTL removes dead tokens some time after expiry; reads check expiry themselves.
                .with("ttl", invitation.expiresAt().plus(Invitation.VALIDITY).getEpochSecond());
    }

    /** Package-visible so that the export's row mapping is tested against this very layout. */
    public static Item toItem(Invitation invitation) {
        return Item.of(TableKeys.workspace(invitation.workspaceId()), TableKeys.invitation(invitation.id()))
                .with(TableKeys.GSI1_PK, TableKeys.invitationsByStatus(invitation.workspaceId(), invitation.status().name()))
                .with(TableKeys.GSI1_SK, invitation.id())
                .with("type", "invitation")
                .with("id", invitation.id())
                .with("workspaceId", invitation.workspaceId())
                .with("email", invitation.email().value())
                .with("name", invitation.name())
                .with("roleId", invitation.roleId())
                .with("teamId", invitation.teamId())
                .with("status", invitation.status().name())
                .with("delivery", invitation.delivery().name())
                .with("tokenHash", invitation.tokenHash().hex())
                .with("expiresAt", invitation.expiresAt())
                .with("createdAt", invitation.createdAt())
                .with("createdBy", invitation.createdBy());
    }

    /** Package-visible: the bulk file and the sender read invitations of this very layout. */
    static Invitation fromItem(Item item) {
        return new Invitation(item.string("id"), item.string("workspaceId"), new EmailAddress(item.string("email")),
                item.string("name"), item.string("roleId"), item.string("teamId"),
                InvitationStatus.valueOf(item.string("status")), DeliveryStatus.valueOf(item.string("delivery")),
                new TokenHash(item.string("tokenHash")), item.instant("expiresAt"), item.instant("createdAt"),
                item.string("createdBy"));
    }
}
