package com.salesos.admin.support;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.DisplayText;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationRequest;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.invites.InviteeName;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.support.WorkspaceRegistry.Registration;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Support provisions a workspace: it exists on a tier with its seat limit, and its first Admin is
 * invited through the very invitation use case (seat, email uniqueness, link, email) that admins
 * use later. Retried with the same {@code Idempotency-Key}, a provisioning whose invitation did
 * not happen (a crash in between) finishes it, and one that did answers the same workspace.
 */
public final class WorkspaceProvisioning {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TICKET_LENGTH = 100;
    /** A workspace with more seats than this is a typo, not a customer. */
    static final long MAX_SEAT_LIMIT = 100_000;

    private final WorkspaceRegistry registry;
    private final PlanCatalog plans;
    private final InvitationService invitations;
    private final IdGenerator ids;
    private final Clock clock;

    public WorkspaceProvisioning(WorkspaceRegistry registry, PlanCatalog plans, InvitationService invitations,
                                 IdGenerator ids, Clock clock) {
        this.registry = registry;
        this.plans = plans;
        this.invitations = invitations;
        this.ids = ids;
        this.clock = clock;
    }

    /** The workspace, the first Admin's invitation, and whether an earlier try made them. */
    public record Provisioned(WorkspaceSummary workspace, Invitation adminInvitation, boolean replayed) {
    }

    public Provisioned provision(SupportStaff staff, ProvisionRequest request, Optional<String> clientKey) {
        Validation validation = new Validation();
        String name = DisplayText.singleLine(request.name());
        if (name.isEmpty()) {
            validation.reject("name", "is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            validation.reject("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        Optional<Plan> plan = Optional.ofNullable(request.tier()).map(String::strip).flatMap(plans::find);
        if (request.tier() == null || request.tier().isBlank()) {
            validation.reject("tier", "is required");
        } else if (plan.isEmpty()) {
            validation.reject("tier", "is not a tier of the plan catalogue");
        }
        // The first Admin's invitation takes a seat, so a workspace has at least one.
        if (request.seatLimit() != null && (request.seatLimit() < 1 || request.seatLimit() > MAX_SEAT_LIMIT)) {
            validation.reject("seatLimit", "must be between 1 and " + MAX_SEAT_LIMIT);
        }
        if (EmailAddress.parse(request.adminEmail()).isEmpty()) {
            validation.reject("admin.email", request.adminEmail() == null || request.adminEmail().isBlank()
                    ? "is required" : "is not a valid email address");
        }
        // The first Admin's invitation is made after the workspace is registered: checked here by the
        // invitation's own rule, so a name it would refuse registers nothing.
        InviteeName.check(request.adminName(), "admin.name", validation);
        String ticket = DisplayText.singleLine(request.ticket());
        if (ticket.isEmpty()) {
            validation.reject("ticket", "is required: every support operation names the ticket it is done for");
        } else if (ticket.length() > MAX_TICKET_LENGTH) {
            validation.reject("ticket", "must be at most " + MAX_TICKET_LENGTH + " characters");
        }
        validation.throwIfInvalid();

        long seatLimit = request.seatLimit() != null ? request.seatLimit() : plan.get().seatLimit();
        Optional<IdempotencyKey> key = IdempotencyKey.of("workspaces", staff.actorId(), clientKey.orElse(null),
                String.join("\n", name, plan.get().tier(), String.valueOf(seatLimit),
                        EmailAddress.parse(request.adminEmail()).orElseThrow().value(), ticket));
        Instant now = clock.instant();
        WorkspaceSummary fresh = new WorkspaceSummary(ids.newId("ws"), name, plan.get().tier(), seatLimit,
                WorkspaceState.ACTIVE, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("tier", fresh.tier());
        after.put("seatLimit", seatLimit);
        after.put("ticket", ticket);
        AuditEvent audit = new AuditEvent(fresh.id(), staff.actorId(), "workspace.provisioned", "workspace", fresh.id(),
                now, Map.of(), after);

        Registration registration = registry.register(fresh, audit, key);
        WorkspaceSummary workspace;
        boolean replayed;
        if (registration instanceof Registration.Registered registered) {
            workspace = registered.workspace();
            replayed = false;
        } else {
            Registration.Replayed earlier = (Registration.Replayed) registration;
            if (!earlier.sameRequest()) {
                throw IdempotencyKey.reusedForAnotherRequest();
            }
            workspace = registry.find(earlier.workspaceId()).orElseThrow();
            replayed = true;
        }
        // The same key again for the invitation: a retry finds the invitation an earlier try made.
        InvitationService.Invited invited = invitations.invite(staff.actingIn(workspace.id()),
                new InvitationRequest(request.adminEmail(), request.adminName(), BuiltInRoles.ADMIN.id(), null),
                key.map(IdempotencyKey::key));
        return new Provisioned(workspace, invited.invitation(), replayed && invited.replayed());
    }

    public Page<WorkspaceSummary> list(PageRequest page) {
        return registry.list(page);
    }

    public WorkspaceSummary get(String workspaceId) {
        return registry.find(workspaceId).orElseThrow(() -> DomainException.notFound("Workspace " + workspaceId));
    }
}
