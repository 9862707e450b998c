package com.salesos.admin.support;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.DisplayText;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.support.DeletionRequestStore.Opening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deleting a workspace takes three people's explicit steps: support opens a request (ticket,
 * reason), an Admin of the workspace confirms by typing its exact name, and support executes it,
 * restating the workspace id, once the waiting period after the confirmation is over. Either side
 * may cancel until then. Each step is audited (ids, ticket and states only, no personal data) and
 * the workspace's Admins are told.
 */
public final class WorkspaceDeletion {

    /** How long the workspace stays read-only, and cancellable, before support may execute. */
    public static final Duration DEFAULT_WAITING_PERIOD = Duration.ofHours(72);
    static final int MAX_TICKET_LENGTH = 100;
    static final int MAX_REASON_LENGTH = 500;

    private final DeletionRequestStore requests;
    private final WorkspaceRegistry workspaces;
    private final DeletionNotices notices;
    private final DeletionExecution execution;
    private final Duration waitingPeriod;
    private final IdGenerator ids;
    private final Clock clock;

    public WorkspaceDeletion(DeletionRequestStore requests, WorkspaceRegistry workspaces, DeletionNotices notices,
                             DeletionExecution execution, Duration waitingPeriod, IdGenerator ids, Clock clock) {
        this.requests = requests;
        this.workspaces = workspaces;
        this.notices = notices;
        this.execution = execution;
        this.waitingPeriod = waitingPeriod;
        this.ids = ids;
        this.clock = clock;
    }

    /** An opened request, and whether an earlier request with the same {@code Idempotency-Key} opened it. */
    public record Opened(DeletionRequest request, boolean replayed) {
    }

    public Opened open(SupportStaff staff, String workspaceId, String ticketText, String reasonText,
                       Optional<String> clientKey) {
        // A deleted workspace answers 404 like one that never existed: only its tombstone is left.
        WorkspaceSummary workspace = workspaces.find(workspaceId).filter(w -> w.state() == WorkspaceState.ACTIVE)
                .orElseThrow(() -> DomainException.notFound("Workspace " + workspaceId));
        Validation validation = new Validation();
        String ticket = DisplayText.singleLine(ticketText);
        if (ticket.isEmpty()) {
            validation.reject("ticket", "is required: every support operation names the ticket it is done for");
        } else if (ticket.length() > MAX_TICKET_LENGTH) {
            validation.reject("ticket", "must be at most " + MAX_TICKET_LENGTH + " characters");
        }
        String reason = DisplayText.singleLine(reasonText);
        if (reason.isEmpty()) {
            validation.reject("reason", "is required");
        } else if (reason.length() > MAX_REASON_LENGTH) {
            validation.reject("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        validation.throwIfInvalid();

        Instant now = clock.instant();
        DeletionRequest request = DeletionRequest.open(ids.newId("del"), workspaceId, ticket, reason, staff.actorId(), now);
        Optional<IdempotencyKey> key = IdempotencyKey.of("deletion-requests", staff.actorId(), clientKey.orElse(null),
                workspaceId + "\n" + ticket + "\n" + reason);
        Opening opening = requests.open(request, audit(staff.actorId(), "workspace.deletion.opened", null, request, now), key);
        if (opening instanceof Opening.Replayed replayed) {
            String first = replayed.replay().resourceIdOrRefuse();
            return new Opened(requests.find(first).orElseThrow(() -> DomainException.notFound("Deletion request " + first)), true);
        }
        if (opening instanceof Opening.AlreadyRequested live) {
            throw DeletionProblems.alreadyRequested(workspaceId, live.liveRequestId());
        }
        if (opening instanceof Opening.NoWorkspace) {
            throw DomainException.notFound("Workspace " + workspaceId);
        }
        tell(request, workspace.name());
        return new Opened(request, false);
    }

    /** An Admin of the workspace confirms by typing its name exactly; a wrong name is counted and refused. */
    public DeletionRequest confirm(Caller admin, String requestId, String typedName) {
        DeletionRequest current = ofWorkspace(admin, requestId);
        requireAdmin(admin);
        if (typedName == null || typedName.isEmpty()) {
            throw DomainException.invalidField("workspaceName", "is required");
        }
        String name = workspaces.find(current.workspaceId()).map(WorkspaceSummary::name).orElseThrow();
        Instant now = clock.instant();
        if (!typedName.equals(name)) {
            DeletionRequest counted = current.wrongNameTyped();
            commit(current, counted, audit(admin.userId(), "workspace.deletion.confirmation-refused", current, counted, now));
            throw DeletionProblems.nameMismatch(counted);
        }
        DeletionRequest confirmed = current.confirmedBy(admin.userId(), now, waitingPeriod);
        commit(current, confirmed, audit(admin.userId(), "workspace.deletion.confirmed", current, confirmed, now));
        tell(confirmed, name);
        return confirmed;
    }

    /** Support executes after the waiting period, restating the workspace it deletes; the rest runs in the background. */
    public DeletionRequest execute(SupportStaff staff, String requestId, String restatedWorkspaceId) {
        DeletionRequest current = find(requestId);
        if (restatedWorkspaceId == null || restatedWorkspaceId.isBlank()) {
            throw DomainException.invalidField("workspaceId", "is required: restate the workspace this request deletes");
        }
        if (current.state() instanceof DeletionState.Running && current.workspaceId().equals(restatedWorkspaceId)) {
            // Executed already, and its start may have been lost (the queue refused it after the commit):
            // starting it again is harmless, the worker carries on from the saved progress.
            execution.start(current);
            return current;
        }
        Instant now = clock.instant();
        DeletionRequest running = current.executedBy(staff.actorId(), restatedWorkspaceId, now);
        String name = workspaces.find(current.workspaceId()).map(WorkspaceSummary::name).orElse(current.workspaceId());
        commit(current, running, audit(staff.actorId(), "workspace.deletion.executed", current, running, now));
        // After the commit. A start that is lost (the queue down) answers an error; support executes
        // again, which starts it again (above).
        execution.start(running);
        tell(running, name);
        return running;
    }

    public DeletionRequest cancelBySupport(SupportStaff staff, String requestId) {
        return cancel(staff.actorId(), find(requestId));
    }

    public DeletionRequest cancelByAdmin(Caller admin, String requestId) {
        DeletionRequest current = ofWorkspace(admin, requestId);
        requireAdmin(admin);
        return cancel(admin.userId(), current);
    }

    public DeletionRequest get(SupportStaff staff, String requestId) {
        return find(requestId);
    }

    /** An Admin of the request's workspace follows it (others 403; another workspace's request 404). */
    public DeletionRequest get(Caller admin, String requestId) {
        DeletionRequest request = ofWorkspace(admin, requestId);
        requireAdmin(admin);
        return request;
    }

    /** How far the background deletion of a running request got; empty in any other state. */
    public Optional<PurgeProgress> progress(DeletionRequest request) {
        return request.state() instanceof DeletionState.Running ? Optional.of(requests.progress(request)) : Optional.empty();
    }

    private DeletionRequest cancel(String actorId, DeletionRequest current) {
        Instant now = clock.instant();
        DeletionRequest cancelled = current.cancelledBy(actorId, now);
        commit(current, cancelled, audit(actorId, "workspace.deletion.cancelled", current, cancelled, now));
        tell(cancelled, workspaces.find(current.workspaceId()).map(WorkspaceSummary::name).orElse(current.workspaceId()));
        return cancelled;
    }

    /** The step stands whether or not every Admin could be mailed; the audit log has it either way. */
    private void tell(DeletionRequest request, String workspaceName) {
        try {
            notices.tell(request, workspaceName);
        } catch (MailNotSent ignored) {
            // Nothing to undo: the step is committed and audited; the request's page shows its state.
        }
    }

    private void commit(DeletionRequest current, DeletionRequest next, AuditEvent audit) {
        if (!requests.replace(current, next, audit)) {
            throw DeletionProblems.changedMeanwhile(current.id());
        }
    }

    private DeletionRequest find(String requestId) {
        return requests.find(requestId).orElseThrow(() -> DomainException.notFound("Deletion request " + requestId));
    }

    /** Another workspace's request answers 404, as if it did not exist. */
    private DeletionRequest ofWorkspace(Caller caller, String requestId) {
        return requests.find(requestId).filter(r -> r.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> DomainException.notFound("Deletion request " + requestId));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.role().id().equals(BuiltInRoles.ADMIN.id())) {
            throw DeletionProblems.adminOnly();
        }
    }

    /** Ids, ticket and states only: the record outlives the workspace and must carry no personal data. */
    private static AuditEvent audit(String actorId, String action, DeletionRequest before, DeletionRequest after,
                                    Instant at) {
        return new AuditEvent(after.workspaceId(), actorId, action, "deletion-request", after.id(), at,
                before == null ? Map.of() : describe(before), describe(after));
    }

    private static Map<String, Object> describe(DeletionRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", request.state().code());
        fields.put("ticket", request.ticket());
        fields.put("failedConfirmations", request.failedConfirmations());
        if (request.state() instanceof DeletionState.Confirmed confirmed) {
            fields.put("executableAt", confirmed.executableAt().toString());
        }
        return fields;
    }
}
