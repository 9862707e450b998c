package com.salesos.admin.invites;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.invites.BulkInvitationStore.BatchResult;
import com.salesos.admin.invites.BulkInvitationStore.FileState;
import com.salesos.admin.invites.BulkInvitationStore.Lease;
import com.salesos.admin.invites.BulkInvitationStore.Reservation;
import com.salesos.admin.invites.BulkInvitationStore.ReservationRequest;
import com.salesos.admin.invites.BulkInvitationStore.ResumeRequest;
import com.salesos.admin.invites.BulkScreening.Screened;
import com.salesos.admin.invites.BulkScreening.ValidRow;
import com.salesos.admin.seats.NoFreeSeat;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Bulk invitation: every row is checked, then the file is invited entirely (all valid rows) or,
 * when the free seats do not cover its valid rows, not at all. See {@link BulkInvitationStore} for
 * how the seats are reserved and the rows written; emails go to the invitation queue, never out
 * of the request.
 */
public final class BulkInvitationService {

    /** Idempotency scope: a key of the bulk route never collides with one of the single invite. */
    static final String KEY_SCOPE = "invitations-bulk";
    /** Two items per row (guard, invitation) plus the lane and the audit record: DynamoDB's 100 per transaction. */
    public static final int ROWS_PER_BATCH = 49;
    /** Lanes write in parallel; more would only queue on the two cores of a Lambda and on SQS. */
    public static final int MAX_LANES = 8;
    /**
     * How long a run holds a file: three times the invites function's timeout (template.yaml,
     * Globals: 20 s), so no run can still be writing when its lease has ended.
     */
    public static final Duration LEASE = Duration.ofSeconds(60);
    private static final int MAX_ATTEMPTS = 5;

    private final BulkInvitationStore store;
    private final InvitationQueue queue;
    private final RoleCatalog roles;
    private final WorkspaceDirectory workspaces;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;
    /** Test seam: runs before each batch is written (a test throws here to play a crash mid-file). */
    private final Consumer<Integer> beforeBatch;

    public BulkInvitationService(BulkInvitationStore store, InvitationQueue queue, RoleCatalog roles,
                                 WorkspaceDirectory workspaces, IdGenerator ids, SecureRandom random, Clock clock) {
        this(store, queue, roles, workspaces, ids, random, clock, batch -> { });
    }

    public BulkInvitationService(BulkInvitationStore store, InvitationQueue queue, RoleCatalog roles,
                                 WorkspaceDirectory workspaces, IdGenerator ids, SecureRandom random, Clock clock,
                                 Consumer<Integer> beforeBatch) {
        this.store = store;
        this.queue = queue;
        this.roles = roles;
        this.workspaces = workspaces;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.beforeBatch = beforeBatch;
    }

    public BulkReport invite(Caller caller, BulkFile file, Optional<String> idempotencyHeader) {
        String ws = caller.workspaceId();
        Optional<IdempotencyKey> key = IdempotencyKey.of(KEY_SCOPE, caller.userId(), idempotencyHeader.orElse(null),
                file.digest());
        if (key.isPresent()) {
            Optional<IdempotencyKey.Replay> earlier = store.fileOf(ws, key.get());
            if (earlier.isPresent()) {
                return resume(caller, file, earlier.get().resourceIdOrRefuse());
            }
        }
        String fileId = ids.newId("bulk");
        for (int attempt = 1; ; attempt++) {
            Screened screened = screen(caller, fileId, file);
            List<ValidRow> rows = screened.toWrite();
            if (rows.isEmpty()) {
                return new BulkReport(screened.rejected(), 0, false);
            }
            List<List<ValidRow>> lanes = split(rows, laneCount(rows.size()));
            Instant now = clock.instant();
            Reservation reservation = store.reserve(new ReservationRequest(ws, fileId, ids.newId("run"), sizes(lanes),
                    customRoles(rows), leaseEnd(now), key, caller.userId(), now));
            if (reservation instanceof Reservation.Reserved reserved) {
                return run(caller, reserved.lease(), lanes, screened, false);
            }
            if (reservation instanceof Reservation.SeatsShort short_) {
                throw NoFreeSeat.refusal(short_.seats(), short_.missing());
            }
            if (reservation instanceof Reservation.KeyUsed used) {
                return resume(caller, file, used.replay().resourceIdOrRefuse());
            }
            // RoleGone: a role was deleted at this moment; its rows are rejected on the next screening.
            giveUpAfter(attempt);
        }
    }

    /**
     * A retry with the key of an earlier request: reports what that request did, and finishes it
     * if it was interrupted (its lease is over) or left rows unwritten. Rows are never written
     * twice: each has its own invitation id, and the screening recognises the file's own rows.
     */
    private BulkReport resume(Caller caller, BulkFile file, String fileId) {
        String ws = caller.workspaceId();
        for (int attempt = 1; ; attempt++) {
            FileState state = store.find(ws, fileId)
                    .orElseThrow(() -> new IllegalStateException("idempotency record without its file " + fileId));
            Instant now = clock.instant();
            if (state.isOpen() && state.expiresAt().isAfter(now)) {
                throw BulkInviteProblems.inProgress(Math.max(1, Duration.between(now, state.expiresAt()).toSeconds() + 1));
            }
            Screened screened = screen(caller, fileId, file);
            List<ValidRow> rows = screened.toWrite();
            if (rows.isEmpty() && !state.isOpen()) {
                return new BulkReport(outcomes(screened, List.of()), screened.written().size(), true);
            }
            List<List<ValidRow>> lanes = split(rows, state.lanes().size());
            Set<String> roleHolds = customRoles(rows);
            if (state.isOpen()) {
                roleHolds.removeAll(state.heldRoles());
            }
            Reservation reservation = store.resume(state,
                    new ResumeRequest(ids.newId("run"), sizes(lanes), roleHolds, leaseEnd(now), now));
            if (reservation instanceof Reservation.Reserved reserved) {
                if (state.isOpen()) {
                    requeueInterrupted(ws, fileId);
                }
                return run(caller, reserved.lease(), lanes, screened, true);
            }
            if (reservation instanceof Reservation.SeatsShort short_) {
                throw NoFreeSeat.refusal(short_.seats(), short_.missing());
            }
            giveUpAfter(attempt);
        }
    }

    /**
     * The interrupted request may have died between a batch's commit and handing its emails to the
     * queue: emails still queued are queued again. At worst an email goes twice; the sender issues a
     * new link each time, so only the latest link works.
     */
    private void requeueInterrupted(String ws, String fileId) {
        List<String> queued = store.invitationsOf(ws, fileId).stream()
                .filter(i -> i.isPending() && i.delivery() == DeliveryStatus.QUEUED).map(Invitation::id).toList();
        if (!queued.isEmpty()) {
            Set<String> refused = queue.enqueue(ws, queued);
            store.markNotQueued(ws, List.copyOf(refused));
        }
    }

    /** Writes every lane in parallel, then closes the file; any failure leaves the file to its lease. */
    private BulkReport run(Caller caller, Lease lease, List<List<ValidRow>> lanes, Screened screened, boolean replayed) {
        ConcurrentLinkedQueue<RowOutcome> written = new ConcurrentLinkedQueue<>();
        AtomicInteger queued = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes.size(); lane++) {
                int k = lane;
                running.add(pool.submit(() -> writeLane(caller, lease, k, lanes.get(k), written, queued)));
            }
            RuntimeException failure = null;
            for (Future<?> lane : running) {
                try {
                    lane.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while writing the file", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
        if (!store.close(lease)) {
            throw BulkInviteProblems.interrupted();
        }
        List<RowOutcome> rows = outcomes(screened, List.copyOf(written));
        int earlier = replayed ? screened.written().size() : 0;
        return new BulkReport(rows, queued.get() + earlier, replayed);
    }

    private void writeLane(Caller caller, Lease lease, int lane, List<ValidRow> rows,
                           ConcurrentLinkedQueue<RowOutcome> outcomes, AtomicInteger queued) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
            List<ValidRow> batch = new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BATCH)));
            beforeBatch.accept(from / ROWS_PER_BATCH);
            for (int attempt = 1; !batch.isEmpty(); attempt++) {
                Instant now = clock.instant();
                List<Invitation> invitations = batch.stream().map(r -> invitation(caller, lease.fileId(), r, now)).toList();
                BatchResult result = store.write(lease, lane, invitations, caller.email(),
                        audit(caller, lease.fileId(), invitations, now));
                if (result instanceof BatchResult.Written) {
                    batch.forEach(r -> outcomes.add(RowOutcome.invited(r.row(), r.email().value())));
                    List<String> invitationIds = invitations.stream().map(Invitation::id).toList();
                    Set<String> refused = queue.enqueue(lease.workspaceId(), invitationIds);
                    if (!refused.isEmpty()) {
                        store.markNotQueued(lease.workspaceId(), List.copyOf(refused));
                    }
                    queued.addAndGet(invitationIds.size() - refused.size());
                    break;
                }
                if (result instanceof BatchResult.LeaseLost) {
                    throw BulkInviteProblems.interrupted();
                }
                // Taken between the screening and this write (a single invite, another file): the
                // row is rejected like any taken address, and its seat goes back when the file closes.
                Set<EmailAddress> taken = ((BatchResult.EmailsTaken) result).emails();
                batch.stream().filter(r -> taken.contains(r.email())).forEach(r -> outcomes.add(
                        RowOutcome.rejected(r.row(), r.email().value(), List.of(BulkScreening.emailTaken()))));
                batch.removeIf(r -> taken.contains(r.email()));
                giveUpAfter(attempt);
            }
        }
    }

    private Screened screen(Caller caller, String fileId, BulkFile file) {
        String ws = caller.workspaceId();
        Map<String, Optional<Role>> roleCache = new HashMap<>();
        Map<String, String> teamIds = new HashMap<>();
        workspaces.teams(ws).forEach(t -> {
            teamIds.put(t.id(), t.id());
            teamIds.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t.id());
        });
        return BulkScreening.screen(caller, fileId, file.rows(),
                ref -> roleCache.computeIfAbsent(ref.toLowerCase(Locale.ROOT), r -> roles.find(ws, ref)),
                ref -> Optional.ofNullable(teamIds.getOrDefault(ref, teamIds.get(ref.toLowerCase(Locale.ROOT)))),
                store.emailHolders(ws));
    }

    /**
     * The invitation of a row. Its token is a random one that is never sent: the sender issues the
     * link when it mails it (only then does the 7-day validity start).
     */
    private Invitation invitation(Caller caller, String fileId, ValidRow row, Instant now) {
        return new Invitation(BulkInvitationIds.of(fileId, row.row()), caller.workspaceId(), row.email(), row.name(),
                row.role().id(), row.teamId(), InvitationStatus.PENDING, DeliveryStatus.QUEUED,
                InvitationToken.generate(random).hash(), now.plus(Invitation.VALIDITY), now, caller.userId());
    }

    /** One audit record per batch, listing each invitation it created as the single invite's record does. */
    private static AuditEvent audit(Caller caller, String fileId, List<Invitation> invitations, Instant now) {
        List<Map<String, String>> created = invitations.stream().map(i -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("id", i.id());
            fields.put("email", i.email().value());
            fields.put("name", i.name());
            fields.put("roleId", i.roleId());
            if (i.teamId() != null) {
                fields.put("teamId", i.teamId());
            }
            fields.put("status", "pending");
            return fields;
        }).toList();
        return new AuditEvent(caller.workspaceId(), caller.userId(), "invitation.bulk-created", "bulk-file", fileId,
                now, Map.of(), Map.of("invitations", created));
    }

    private static List<RowOutcome> outcomes(Screened screened, List<RowOutcome> written) {
        List<RowOutcome> all = new ArrayList<>(screened.rejected());
        all.addAll(written);
        screened.written().forEach(r -> all.add(RowOutcome.invited(r.row(), r.email().value())));
        return all;
    }

    private static int laneCount(int rows) {
        return Math.max(1, Math.min(MAX_LANES, (rows + ROWS_PER_BATCH - 1) / ROWS_PER_BATCH));
    }

    /** Contiguous blocks of (nearly) equal size, one per lane; some may be empty on a resume. */
    static List<List<ValidRow>> split(List<ValidRow> rows, int lanes) {
        List<List<ValidRow>> split = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < lanes; k++) {
            int size = rows.size() / lanes + (k < rows.size() % lanes ? 1 : 0);
            split.add(rows.subList(from, from + size));
            from += size;
        }
        return split;
    }

    private static List<Long> sizes(List<List<ValidRow>> lanes) {
        return lanes.stream().map(l -> (long) l.size()).toList();
    }

    private static Set<String> customRoles(List<ValidRow> rows) {
        return rows.stream().map(ValidRow::role).filter(r -> !r.builtIn()).map(Role::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Instant leaseEnd(Instant now) {
        // Whole seconds: the sweep's index sorts on this text.
        return now.plus(LEASE).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void giveUpAfter(int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            throw BulkInviteProblems.interrupted();
        }
    }
}
