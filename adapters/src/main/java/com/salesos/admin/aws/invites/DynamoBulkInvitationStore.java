package com.salesos.admin.aws.invites;

import static com.salesos.admin.aws.table.Item.n;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.EmailGuard;
import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.aws.workspaces.RoleHolders;
import com.salesos.admin.workspaces.EmailClaim;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.invites.BulkInvitationIds;
import com.salesos.admin.invites.BulkInvitationStore;
import com.salesos.admin.invites.BulkScreening.Holder;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.invites.Invitation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Bulk files in the single table (see {@link BulkInvitationStore} for the design). Items: the file
 * ({@code BULK#file}: state, run, lease end; in GSI1 under {@code BULK#OPEN} while open) and one
 * per lane ({@code BULK#file#LANE#k}: {@code total} seats held, {@code consumed} by invitations).
 * Seats are taken and given back on the workspace item's counters ({@code seatsUsed},
 * {@code pendingInvitations}) only when a file is reserved, resumed or closed, so the batches of
 * the lanes touch no shared item: they neither contend with each other nor with single invites.
 */
public final class DynamoBulkInvitationStore implements BulkInvitationStore {

    /** Closed files stay readable for replays of their key (kept 24 h) and a day more; then TTL removes them. */
    static final Duration KEEP_CLOSED = Duration.ofDays(2);
    private static final int ATTEMPTS = 12;
    private static final String LANE_INFIX = "#LANE#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoSeatLedger seats;
    private final DynamoAuditLog auditLog;

    public DynamoBulkInvitationStore(DynamoDbClient dynamo, String table, DynamoSeatLedger seats, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.seats = seats;
        this.auditLog = auditLog;
    }

    @Override
    public Map<EmailAddress, Holder> emailHolders(String workspaceId) {
        Map<EmailAddress, Holder> holdersByEmail = new HashMap<>();
        String invitationPrefix = TableKeys.invitation("");
        query(workspaceId, TableKeys.email(""), true).forEach(item -> {
            String address = item.string(TableKeys.SK).substring(TableKeys.email("").length());
            String holder = item.string("holder");
            holdersByEmail.put(new EmailAddress(address), holder != null && holder.startsWith(invitationPrefix)
                    ? Holder.invitation(holder.substring(invitationPrefix.length())) : Holder.user());
        });
        return holdersByEmail;
    }

    @Override
    public Optional<IdempotencyKey.Replay> fileOf(String workspaceId, IdempotencyKey key) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId),
                        TableKeys.idempotency(key.callerUserId(), key.scope(), key.key())))
                .map(record -> new IdempotencyKey.Replay(record.string("resourceId"),
                        key.fingerprint().equals(record.string("fingerprint"))));
    }

    @Override
    public Reservation reserve(ReservationRequest request) {
        String ws = request.workspaceId();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Steps steps = new Steps();
            request.key().ifPresent(k -> steps.add("idempotency",
                    IdempotencyRecords.claim(table, ws, k, request.fileId(), request.at())));
            Optional<Reservation> short_ = takeSeats(steps, ws, request.seats());
            if (short_.isPresent()) {
                return short_.get();
            }
            steps.add("file", Transactions.putNew(table, fileItem(ws, request.fileId(), request.runId(), request.expiresAt(),
                            request.laneSeats().size(), request.at(), request.createdBy())
                    .withSet("heldRoles", request.customRoles())));
            for (int k = 0; k < request.laneSeats().size(); k++) {
                steps.add("lane" + k, Transactions.putNew(table, Item.of(TableKeys.workspace(ws), TableKeys.bulkLane(request.fileId(), k))
                        .with("state", State.OPEN.name()).with("runId", request.runId())
                        .with("total", request.laneSeats().get(k)).with("consumed", 0)));
            }
            request.customRoles().forEach(role -> steps.add("role:" + role, RoleHolders.step(table, ws, RoleHolding.take(role))));
            try {
                WorkspaceGate.commit(dynamo, table, ws, steps.items());
                return new Reservation.Reserved(new Lease(ws, request.fileId(), request.runId(), request.laneSeats()));
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (request.key().isPresent() && steps.failed(reasons, "idempotency")) {
                    return new Reservation.KeyUsed(fileOf(ws, request.key().get()).orElseThrow());
                }
                if (request.customRoles().stream().anyMatch(role -> steps.failed(reasons, "role:" + role))) {
                    return new Reservation.RoleGone();
                }
                if (!steps.failed(reasons, "counters") && Transactions.anyConditionFailed(reasons)) {
                    throw e;
                }
                // The counters moved (or the transaction met another): read them again.
                pause(attempt);
            }
        }
        return new Reservation.Moved();
    }

    @Override
    public Optional<FileState> find(String workspaceId, String fileId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.bulkFile(fileId)))
                .map(file -> {
                    List<Item> laneItems = new ArrayList<>(query(workspaceId, TableKeys.bulkFile(fileId) + LANE_INFIX, false));
                    laneItems.sort(Comparator.comparingInt(DynamoBulkInvitationStore::laneIndex));
                    List<Lane> lanes = laneItems.stream().map(l -> new Lane(l.number("total"), l.number("consumed"))).toList();
                    AttributeValue held = file.values().get("heldRoles");
                    Set<String> heldRoles = held == null || !held.hasSs() ? Set.of() : Set.copyOf(held.ss());
                    return new FileState(workspaceId, fileId, State.valueOf(file.string("state")), file.string("runId"),
                            file.instant("expiresAt"), lanes, heldRoles);
                });
    }

    @Override
    public Reservation resume(FileState observed, ResumeRequest request) {
        String ws = observed.workspaceId();
        long needed = request.laneSeats().stream().mapToLong(Long::longValue).sum();
        long difference = needed - observed.seatsHeld();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Steps steps = new Steps();
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":open", s(State.OPEN.name()),
                    ":run", s(request.runId()), ":exp", s(request.expiresAt().toString()),
                    ":gpk", s(TableKeys.BULK_OPEN), ":gsk", s(openIndexKey(request.expiresAt(), ws, observed.fileId())),
                    ":was", s(observed.state().name()), ":oldRun", s(observed.runId())));
            String update = "SET #state = :open, runId = :run, expiresAt = :exp, gsi1pk = :gpk, gsi1sk = :gsk REMOVE #ttl";
            if (!request.customRoles().isEmpty()) {
                update += " ADD heldRoles :roles";
                values.put(":roles", AttributeValue.fromSs(List.copyOf(request.customRoles())));
            }
            String fileUpdate = update;
            steps.add("file", TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Item.key(TableKeys.workspace(ws), TableKeys.bulkFile(observed.fileId())))
                    .updateExpression(fileUpdate)
                    .conditionExpression("#state = :was AND runId = :oldRun")
                    .expressionAttributeNames(Map.of("#state", "state", "#ttl", "ttl"))
                    .expressionAttributeValues(values)).build());
            List<Long> totals = new ArrayList<>();
            for (int k = 0; k < observed.lanes().size(); k++) {
                long consumed = observed.lanes().get(k).consumed();
                long total = consumed + request.laneSeats().get(k);
                totals.add(total);
                steps.add("lane" + k, laneUpdate(ws, observed.fileId(), k, "SET #state = :open, runId = :run, #total = :total REMOVE #ttl",
                        "#consumed = :consumed AND runId = :oldRun",
                        Map.of(":open", s(State.OPEN.name()), ":run", s(request.runId()), ":total", n(total),
                                ":consumed", n(consumed), ":oldRun", s(observed.runId()))));
            }
            if (difference > 0) {
                Optional<Reservation> short_ = takeSeats(steps, ws, difference);
                if (short_.isPresent()) {
                    return short_.get();
                }
            } else if (difference < 0) {
                steps.add("counters", giveBackSeats(ws, -difference));
            }
            request.customRoles().forEach(role -> steps.add("role:" + role, RoleHolders.step(table, ws, RoleHolding.take(role))));
            try {
                WorkspaceGate.commit(dynamo, table, ws, steps.items());
                return new Reservation.Reserved(new Lease(ws, observed.fileId(), request.runId(), totals));
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (steps.failed(reasons, "file") || java.util.stream.IntStream.range(0, observed.lanes().size())
                        .anyMatch(k -> steps.failed(reasons, "lane" + k))) {
                    return new Reservation.Moved();
                }
                if (request.customRoles().stream().anyMatch(role -> steps.failed(reasons, "role:" + role))) {
                    return new Reservation.RoleGone();
                }
                if (!steps.failed(reasons, "counters") && Transactions.anyConditionFailed(reasons)) {
                    throw e;
                }
            }
        }
        return new Reservation.Moved();
    }

    @Override
    public BatchResult write(Lease lease, int lane, List<Invitation> invitations, String invitedBy, AuditEvent audit) {
        String ws = lease.workspaceId();
        Steps steps = new Steps();
        // The lane's guard: still this run's, still open, and never more rows than seats.
        steps.add("lane", laneUpdate(ws, lease.fileId(), lane, "ADD #consumed :k",
                "#state = :open AND runId = :run AND #consumed <= :max",
                Map.of(":k", n(invitations.size()), ":open", s(State.OPEN.name()), ":run", s(lease.runId()),
                        ":max", n(lease.laneTotals().get(lane) - invitations.size()))));
        for (int i = 0; i < invitations.size(); i++) {
            Invitation invitation = invitations.get(i);
            steps.add("email" + i, EmailGuard.step(table, ws,
                            new EmailClaim.Take(invitation.email(), new EmailClaim.Holder.PendingInvitation(invitation.id()))))
                    .add("invitation" + i, Transactions.putNew(table, DynamoInvitationStore.toItem(invitation)
                            .with("invitedByEmail", invitedBy).with("bulkFileId", lease.fileId())));
        }
        steps.add("audit", auditLog.append(audit));
        for (int attempt = 1; ; attempt++) {
            try {
                // Not gated on the workspace item: the lanes of one file write in parallel, and transactions
                // that share an item conflict in DynamoDB, so a condition on it would make them cancel one
                // another. A run is gated where it starts (the reservation) and ends (closing the file);
                // one that passed its reservation before a deletion was confirmed finishes within the
                // function's 20 s, at least an hour before the purge may start, and its emails wait for the gated
                // invitation sender (docs/support.md).
                dynamo.transactWriteItems(r -> r.transactItems(steps.items()));
                return new BatchResult.Written();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (steps.failed(reasons, "lane")) {
                    return new BatchResult.LeaseLost();
                }
                Set<EmailAddress> taken = new LinkedHashSet<>();
                for (int i = 0; i < invitations.size(); i++) {
                    if (steps.failed(reasons, "email" + i) || steps.failed(reasons, "invitation" + i)) {
                        taken.add(invitations.get(i).email());
                    }
                }
                if (!taken.isEmpty()) {
                    return new BatchResult.EmailsTaken(taken);
                }
                // No condition failed: a conflict with another transaction on one of these items.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    @Override
    public List<Invitation> invitationsOf(String workspaceId, String fileId) {
        return query(workspaceId, TableKeys.invitation(BulkInvitationIds.prefix(fileId)), false).stream()
                .map(DynamoInvitationStore::fromItem).toList();
    }

    @Override
    public void markNotQueued(String workspaceId, List<String> invitationIds) {
        for (String id : invitationIds) {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.invitation(id)))
                        .updateExpression("SET delivery = :failed")
                        .conditionExpression("delivery = :queued")
                        .expressionAttributeValues(Map.of(":failed", s(DeliveryStatus.FAILED.name()),
                                ":queued", s(DeliveryStatus.QUEUED.name()))));
            } catch (ConditionalCheckFailedException movedOn) {
                // Sent, resent or revoked meanwhile: that state is the true one.
            }
        }
    }

    @Override
    public boolean close(Lease lease) {
        return closeFile(lease.workspaceId(), lease.fileId(), lease.runId(), Optional.empty(), State.SETTLED);
    }

    @Override
    public List<FileState> abandoned(Instant now, int limit) {
        List<FileState> files = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
                        .keyConditionExpression("gsi1pk = :p AND gsi1sk < :now")
                        .expressionAttributeValues(Map.of(":p", s(TableKeys.BULK_OPEN),
                                ":now", s(SortableTime.of(now))))
                        .limit(limit).build())
                .items().stream().limit(limit).map(Item::from)
                .forEach(file -> find(file.string("workspaceId"), file.string("fileId")).ifPresent(files::add));
        return files;
    }

    @Override
    public boolean release(FileState abandoned, Instant now) {
        return closeFile(abandoned.workspaceId(), abandoned.fileId(), abandoned.runId(), Optional.of(now), State.RELEASED);
    }

    /**
     * Closes an open file held by {@code runId}: each lane's unused seats go back, and each custom
     * role the file held once becomes held once per invitation of the file with that role. The lane
     * counts are read before the file's invitations and must still be the same at the commit, so a
     * batch committing in between makes this read again instead of giving back a used seat.
     */
    private boolean closeFile(String ws, String fileId, String runId, Optional<Instant> leaseOverBy, State closed) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<FileState> found = find(ws, fileId);
            if (found.isEmpty() || !found.get().isOpen() || !found.get().runId().equals(runId)
                    || leaseOverBy.filter(now -> found.get().expiresAt().isAfter(now)).isPresent()) {
                return false;
            }
            FileState file = found.get();
            List<Invitation> invitations = invitationsOf(ws, fileId);
            long consumed = file.lanes().stream().mapToLong(Lane::consumed).sum();
            if (invitations.size() != consumed) {
                pause(attempt);
                continue;
            }
            Map<String, Long> perRole = invitations.stream().collect(Collectors.groupingBy(Invitation::roleId, Collectors.counting()));
            // Role holds: the file held each custom role once while open; an earlier close of this
            // file already turned the holds of its invitations then into counts (roleCounts).
            Map<String, Long> counted = countedRoles(ws, fileId);
            Set<String> roles = new HashSet<>(file.heldRoles());
            roles.addAll(counted.keySet());
            Map<String, AttributeValue> newCounts = new HashMap<>();
            roles.forEach(role -> newCounts.put(role, n(perRole.getOrDefault(role, 0L))));
            long ttl = Instant.now().plus(KEEP_CLOSED).getEpochSecond();
            Steps steps = new Steps();
            steps.add("file", TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Item.key(TableKeys.workspace(ws), TableKeys.bulkFile(fileId)))
                    .updateExpression("SET #state = :closed, #ttl = :ttl, roleCounts = :counts REMOVE gsi1pk, gsi1sk, heldRoles")
                    .conditionExpression("#state = :open AND runId = :run")
                    .expressionAttributeNames(Map.of("#state", "state", "#ttl", "ttl"))
                    .expressionAttributeValues(Map.of(":closed", s(closed.name()), ":open", s(State.OPEN.name()),
                            ":run", s(runId), ":ttl", n(ttl), ":counts", AttributeValue.fromM(newCounts)))).build());
            for (int k = 0; k < file.lanes().size(); k++) {
                Lane lane = file.lanes().get(k);
                steps.add("lane" + k, laneUpdate(ws, fileId, k, "SET #state = :closed, #total = :consumed, #ttl = :ttl",
                        "#consumed = :consumed AND runId = :run", Map.of(":closed", s(closed.name()),
                                ":consumed", n(lane.consumed()), ":run", s(runId), ":ttl", n(ttl))));
            }
            long unused = file.lanes().stream().mapToLong(l -> l.total() - l.consumed()).sum();
            if (unused > 0) {
                steps.add("counters", giveBackSeats(ws, unused));
            }
            for (String role : roles) {
                long change = perRole.getOrDefault(role, 0L) - counted.getOrDefault(role, 0L)
                        - (file.heldRoles().contains(role) ? 1 : 0);
                if (change != 0) {
                    steps.add("role:" + role, RoleHolders.step(table, ws, Optional.of(new RoleHolding(role, Math.toIntExact(change)))));
                }
            }
            try {
                WorkspaceGate.commit(dynamo, table, ws, steps.items());
                return true;
            } catch (TransactionCanceledException e) {
                pause(attempt);
            }
        }
        return false;
    }

    private Map<String, Long> countedRoles(String ws, String fileId) {
        Map<String, Long> counted = new HashMap<>();
        Item.read(dynamo, table, Item.key(TableKeys.workspace(ws), TableKeys.bulkFile(fileId)))
                .map(file -> file.values().get("roleCounts")).filter(AttributeValue::hasM)
                .ifPresent(map -> map.m().forEach((role, count) -> counted.put(role, Long.parseLong(count.n()))));
        return counted;
    }

    /**
     * Takes {@code count} seats in one conditional step: the limit read must still be the limit and
     * the seats in use must still leave room for all of them. Empty unless the seats are short.
     */
    private Optional<Reservation> takeSeats(Steps steps, String ws, long count) {
        Item workspace = Item.read(dynamo, table, Item.key(TableKeys.workspace(ws), TableKeys.WORKSPACE_SK)).orElseThrow();
        long limit = workspace.number("seatLimit");
        long used = workspace.number("seatsUsed");
        if (used + count > limit) {
            return Optional.of(new Reservation.SeatsShort(seats.read(ws), used + count - limit));
        }
        steps.add("counters", TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(ws), TableKeys.WORKSPACE_SK))
                .updateExpression("ADD seatsUsed :n, pendingInvitations :n")
                .conditionExpression("attribute_exists(pk) AND seatLimit = :limit AND seatsUsed <= :max")
                .expressionAttributeValues(Map.of(":n", n(count), ":limit", n(limit), ":max", n(limit - count)))).build());
        return Optional.empty();
    }

    /** Seats held for rows are counted as pending invitations from the reservation on, so they go back the same way. */
    private TransactWriteItem giveBackSeats(String ws, long count) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(ws), TableKeys.WORKSPACE_SK))
                .updateExpression("ADD seatsUsed :n, pendingInvitations :n")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":n", n(-count)))).build();
    }

    private TransactWriteItem laneUpdate(String ws, String fileId, int lane, String update, String condition,
                                         Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        if ((update + condition).contains("#state")) {
            names.put("#state", "state");
        }
        if (update.contains("#ttl")) {
            names.put("#ttl", "ttl");
        }
        // CONSUMED (and, as SQL words go, TOTAL) are DynamoDB reserved words.
        if ((update + condition).contains("#consumed")) {
            names.put("#consumed", "consumed");
        }
        if ((update + condition).contains("#total")) {
            names.put("#total", "total");
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(ws), TableKeys.bulkLane(fileId, lane)))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values)).build();
    }

    private Item fileItem(String ws, String fileId, String runId, Instant expiresAt, int lanes, Instant at, String createdBy) {
        return Item.of(TableKeys.workspace(ws), TableKeys.bulkFile(fileId))
                .with("type", "bulk-file")
                .with("workspaceId", ws)
                .with("fileId", fileId)
                .with("state", State.OPEN.name())
                .with("runId", runId)
                .with("expiresAt", expiresAt)
                .with("lanes", lanes)
                .with("createdAt", at)
                .with("createdBy", createdBy)
                .with(TableKeys.GSI1_PK, TableKeys.BULK_OPEN)
                .with(TableKeys.GSI1_SK, openIndexKey(expiresAt, ws, fileId));
    }

    /** Sorted by lease end (whole seconds, so ISO text sorts as time), unique per file. */
    private static String openIndexKey(Instant expiresAt, String ws, String fileId) {
        // Fixed-width time, so the sweep's "lease ended before now" range holds within a second too.
        return SortableTime.of(expiresAt) + "#" + ws + "#" + fileId;
    }

    /** Items of the workspace under a sort key prefix; {@code holdersOnly} reads just the key and holder of email guards. */
    private List<Item> query(String ws, String sortKeyPrefix, boolean holdersOnly) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(ws)), ":s", s(sortKeyPrefix)));
        if (holdersOnly) {
            query.projectionExpression("#sk, #holder").expressionAttributeNames(Map.of("#sk", "sk", "#holder", "holder"));
        }
        return dynamo.queryPaginator(query.build()).items().stream().map(Item::from).toList();
    }

    private static int laneIndex(Item lane) {
        String sk = lane.string(TableKeys.SK);
        return Integer.parseInt(sk.substring(sk.lastIndexOf(LANE_INFIX) + LANE_INFIX.length()));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(200, 10L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
