package com.salesos.admin.invites;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.GrantPolicy;
import com.salesos.admin.access.CallerDirectory;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.access.RoleProblems;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.invites.AccountDirectory.Opening;
import com.salesos.admin.invites.InvitationMailer.InvitationEmail;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.invites.InvitationStore.Acceptance;
import com.salesos.admin.invites.InvitationStore.Creation;
import com.salesos.admin.invites.InvitationStore.Reissue;
import com.salesos.admin.invites.InvitationStore.SendLimitReached;
import com.salesos.admin.invites.InvitationStore.TokenGrant;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.workspaces.WorkspaceLock;
import com.salesos.admin.seats.NoFreeSeat;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The invitation use cases: invite, list, resend, revoke, accept. */
public final class InvitationService {

    /** The problem type of an invite refused for a taken address, and a bulk row's reason code for the same refusal. */
    static final String EMAIL_TAKEN = "email-taken";

    /**
     * Cognito's own API limit on a password, checked before the pool's policy: a longer one, or one
     * that starts or ends with whitespace, is refused only after the account was created. Checked
     * here first, so such an accept opens nothing; the pool's policy still decides strength.
     */
    private static final int MAX_PASSWORD_LENGTH = 256;
    /**
     * How long an account this invitation opened may still belong to an accept in flight (a
     * double-submitted link) rather than to one that died. Replacing it sooner would delete the
     * account the other accept is about to commit. Above the invites function's timeout
     * (template.yaml, Globals: 20 s), after which no earlier attempt can still be running.
     */
    static final Duration ACCEPT_IN_FLIGHT = Duration.ofSeconds(30);

    private final InvitationStore store;
    private final RoleCatalog roles;
    private final WorkspaceDirectory workspaces;
    private final InvitationMailer mailer;
    private final AccountDirectory accounts;
    private final CallerDirectory callers;
    private final SendLimits limits;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    public InvitationService(InvitationStore store, RoleCatalog roles,
                             WorkspaceDirectory workspaces, InvitationMailer mailer,
                             AccountDirectory accounts, CallerDirectory callers, SendLimits limits,
                             IdGenerator ids, SecureRandom random, Clock clock) {
        this.store = store;
        this.roles = roles;
        this.workspaces = workspaces;
        this.mailer = mailer;
        this.accounts = accounts;
        this.callers = callers;
        this.limits = limits;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** The outcome of an invite: the invitation, and whether it was created by an earlier try. */
    public record Invited(Invitation invitation, boolean replayed) {
    }

    public Invited invite(Caller caller, InvitationRequest request, Optional<String> clientKey) {
        String ws = caller.workspaceId();
        Validation validation = new Validation();
        Optional<EmailAddress> email = EmailAddress.parse(request.email());
        if (email.isEmpty()) {
            validation.reject("email", request.email() == null || request.email().isBlank()
                    ? "is required" : "is not a valid email address");
        }
        // Cleaned before anything else sees it: the stored name, the audit record and every email
        // or export that shows it get one line of visible text.
        String name = InviteeName.check(request.name(), "name", validation);
        Optional<Role> role = Optional.empty();
        if (request.role() == null || request.role().isBlank()) {
            validation.reject("role", "is required");
        } else {
            role = roles.find(ws, request.role());
            if (role.isEmpty()) {
                validation.reject("role", "is not a role of this workspace");
            }
        }
        String teamId = request.teamId() == null || request.teamId().isBlank() ? null : request.teamId().strip();
        if (teamId != null && !workspaces.teamExists(ws, teamId)) {
            validation.reject("teamId", "is not a team of this workspace");
        }
        validation.throwIfInvalid();
        GrantPolicy.requireMayGrant(caller, role.get());

        Optional<IdempotencyKey> key = IdempotencyKey.of("invitations", caller.userId(), clientKey.orElse(null),
                String.join("\n", email.get().value(), name, role.get().id(), String.valueOf(teamId)));
        Instant now = clock.instant();
        InvitationToken token = InvitationToken.generate(random);
        Invitation invitation = new Invitation(ids.newId("inv"), ws, email.get(), name, role.get().id(), teamId,
                InvitationStatus.PENDING, DeliveryStatus.SENDING, token.hash(), now.plus(Invitation.VALIDITY),
                now, caller.userId());
        AuditEvent audit = audit(caller, "invitation.created", invitation, Map.of(), describe(invitation));

        Creation creation = store.create(invitation, audit, key, limits);
        if (creation instanceof Creation.Created created) {
            return new Invited(deliver(caller, created.invitation(), token), false);
        }
        if (creation instanceof Creation.Replayed replayed) {
            if (!replayed.sameRequest()) {
                throw IdempotencyKey.reusedForAnotherRequest();
            }
            return new Invited(store.find(ws, replayed.invitationId()).orElseThrow(), true);
        }
        if (creation instanceof Creation.EmailTaken) {
            throw DomainException.conflict(EMAIL_TAKEN, "Email already in use",
                    "A user or pending invitation of this workspace already has the email " + email.get());
        }
        if (creation instanceof SendLimitReached limited) {
            throw sendLimitReached(limited, email.get(), now);
        }
        if (creation instanceof Creation.RoleGone) {
            throw RoleProblems.roleGone();
        }
        throw NoFreeSeat.refusal(((Creation.NoFreeSeat) creation).seats(), 1);
    }

    public Page<Invitation> list(Caller caller, Optional<InvitationStatus> status, PageRequest page) {
        return store.list(caller.workspaceId(), status, page);
    }

    public Invitation get(Caller caller, String invitationId) {
        return store.find(caller.workspaceId(), invitationId)
                .orElseThrow(() -> DomainException.notFound("Invitation " + invitationId));
    }

    /** Issues a new link (the old one stops working) and sends it again; the expiry restarts. */
    public Invitation resend(Caller caller, String invitationId) {
        Invitation current = get(caller, invitationId);
        requirePending(current, "resent");
        // A new link hands the invitation's role out again, so it needs the same right as inviting.
        roles.find(current.workspaceId(), current.roleId()).ifPresent(role -> GrantPolicy.requireMayGrant(caller, role));
        InvitationToken token = InvitationToken.generate(random);
        Instant now = clock.instant();
        Invitation reissued = current.reissued(token.hash(), now.plus(Invitation.VALIDITY));
        AuditEvent audit = audit(caller, "invitation.resent", current,
                Map.of("expiresAt", current.expiresAt().toString()), Map.of("expiresAt", reissued.expiresAt().toString()));
        Reissue reissue = store.reissue(current, reissued, audit, limits, now);
        if (reissue instanceof SendLimitReached limited) {
            throw sendLimitReached(limited, current.email(), now);
        }
        if (reissue instanceof Reissue.NoLongerPending) {
            throw notPending(invitationId, "resent");
        }
        return deliver(caller, reissued, token);
    }

    /** Revokes a pending invitation: its link dies and its seat is free again. */
    public void revoke(Caller caller, String invitationId) {
        Invitation current = get(caller, invitationId);
        requirePending(current, "revoked");
        AuditEvent audit = audit(caller, "invitation.revoked", current,
                Map.of("status", "pending"), Map.of("status", "revoked"));
        if (!store.revoke(current, audit)) {
            throw notPending(invitationId, "revoked");
        }
    }

    /**
     * Creates the account of the invited person in the invitation's role and team. The user id is
     * derived from the invitation, so a retry after a crash between the identity provider and the
     * store finishes the same account instead of opening a second one.
     */
    public User accept(String tokenText, String password) {
        Validation validation = new Validation();
        if (tokenText == null || tokenText.isBlank()) {
            validation.reject("token", "is required");
        }
        if (password == null || password.isEmpty()) {
            validation.reject("password", "is required");
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            validation.reject("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        } else if (!password.equals(password.strip())) {
            validation.reject("password", "must not start or end with whitespace");
        }
        validation.throwIfInvalid();

        InvitationToken token = new InvitationToken(tokenText.trim());
        DomainException unknown = new DomainException(ProblemKind.NOT_FOUND, "invitation-token-unknown",
                "Invitation link not valid", "This invitation link is not valid: it was replaced, used or revoked");
        TokenGrant grant = store.findToken(token.hash()).orElseThrow(() -> unknown);
        Invitation invitation = store.find(grant.workspaceId(), grant.invitationId())
                .filter(Invitation::isPending)
                .filter(i -> i.tokenHash().equals(token.hash()))
                .orElseThrow(() -> unknown);
        Instant now = clock.instant();
        if (invitation.isExpiredAt(now)) {
            throw new DomainException(ProblemKind.GONE, "invitation-expired", "Invitation link expired",
                    "This invitation link expired at " + invitation.expiresAt() + "; ask an admin to resend it");
        }

        Opening opening = accounts.open(invitation.email(), password, Optional.of(invitation.id()));
        String subject = opening instanceof Opening.Opened opened
                ? opened.subject()
                : reopenOwnLeftover((Opening.AlreadyRegistered) opening, invitation, password);
        String userId = "usr_" + invitation.id().substring(invitation.id().indexOf('_') + 1);
        User user = new User(userId, invitation.workspaceId(), invitation.email(), invitation.name(),
                invitation.roleId(), invitation.teamId(), UserStatus.ACTIVE, subject, now);
        AuditEvent audit = new AuditEvent(invitation.workspaceId(), userId, "invitation.accepted", "invitation",
                invitation.id(), now, Map.of("status", "pending"), Map.of("status", "accepted", "userId", userId));
        Acceptance acceptance = store.accept(invitation, user, audit);
        if (acceptance instanceof Acceptance.Accepted accepted) {
            return accepted.user();
        }
        // Every path above opened a fresh account for this accept. Refused (revoked or resent
        // meanwhile, or the address taken), it would keep this caller's password and tokens for a
        // subject that some later accept could still be handed: it goes.
        accounts.close(subject, invitation.email());
        if (acceptance instanceof Acceptance.AccountTaken) {
            throw emailRegistered(invitation.email());
        }
        if (acceptance instanceof Acceptance.WorkspaceLocked locked) {
            throw WorkspaceLock.refusal(locked.deletionRequestId());
        }
        throw unknown;
    }

    /**
     * An existing account is replaced only when this very invitation opened it, on an earlier
     * accept that died between the identity provider and the store: the account carries the id of
     * the invitation that opened it. Every other account belongs to someone (a user of some
     * workspace, the support identity, another invitation's invitee) even when no workspace user
     * owns it: touching it would hand its owner's sessions, or the account itself, to whoever
     * holds this link.
     *
     * <p>The leftover is deleted and a fresh account opened, rather than given the new password:
     * whoever set the leftover's password may hold an access token for its subject, and the API's
     * JWT authorizer honours such a token until it expires whatever Cognito revoked. A new
     * subject is one that no token issued before can name. The user id still comes from the
     * invitation, so retries finish exactly one user.
     */
    private String reopenOwnLeftover(Opening.AlreadyRegistered account, Invitation invitation, String password) {
        boolean openedByThisInvitation = account.invitationId().filter(invitation.id()::equals).isPresent();
        if (!openedByThisInvitation || callers.findBySubject(account.subject()).isPresent()) {
            throw emailRegistered(invitation.email());
        }
        Instant settled = account.openedAt().plus(ACCEPT_IN_FLIGHT);
        Instant now = clock.instant();
        if (now.isBefore(settled)) {
            long seconds = Math.max(1, Duration.between(now, settled).plusMillis(999).toSeconds());
            throw new DomainException(ProblemKind.CONFLICT, "accept-in-progress", "Invitation being accepted",
                    "This invitation is being accepted by another request; try again in " + seconds + " seconds",
                    List.of(), Map.of(DomainException.RETRY_AFTER, seconds));
        }
        accounts.close(account.subject(), invitation.email());
        Opening reopened = accounts.open(invitation.email(), password, Optional.of(invitation.id()));
        if (reopened instanceof Opening.Opened opened) {
            return opened.subject();
        }
        // Another accept of this link opened the address in between; that one finishes or is retried.
        throw emailRegistered(invitation.email());
    }

    private Invitation deliver(Caller caller, Invitation invitation, InvitationToken token) {
        String workspaceName = workspaces.name(invitation.workspaceId()).orElse("your team");
        InvitationEmail email = new InvitationEmail(invitation.email(), invitation.name(), workspaceName,
                caller.email(), token, invitation.expiresAt());
        DeliveryStatus outcome;
        try {
            mailer.send(email);
            outcome = DeliveryStatus.SENT;
        } catch (MailNotSent e) {
            outcome = DeliveryStatus.FAILED;
        }
        store.recordDelivery(invitation, outcome);
        return invitation.withDelivery(outcome);
    }

    private static void requirePending(Invitation invitation, String verb) {
        if (!invitation.isPending()) {
            throw notPending(invitation.id(), verb);
        }
    }

    private static DomainException notPending(String id, String verb) {
        return DomainException.conflict("invitation-not-pending", "Invitation is not pending",
                "Invitation " + id + " is no longer pending and cannot be " + verb);
    }

    /**
     * The email was not sent and nothing was written; the problem says which limit and when the
     * next send can succeed (also as {@code Retry-After}).
     */
    private DomainException sendLimitReached(SendLimitReached limited, EmailAddress to, Instant now) {
        SendLimits.Limit limit = limits.of(limited.scope());
        long seconds = Math.max(1, Duration.between(now, limited.retryAt()).plusMillis(999).toSeconds());
        long hours = limit.window().toHours();
        String window = hours * 3600 == limit.window().toSeconds()
                ? (hours == 1 ? "1 hour" : hours + " hours") : limit.window().toSeconds() + " seconds";
        String detail = switch (limited.scope()) {
            case WORKSPACE -> "This workspace may send " + limit.sends() + " invitation emails per " + window;
            case ADDRESS -> "This workspace may send " + limit.sends() + " invitation emails to " + to + " per " + window;
        } + " and has sent them all; try again in " + seconds + " seconds";
        return new DomainException(ProblemKind.RATE_LIMITED, "invitation-emails-limited", "Too many invitation emails",
                detail, List.of(), Map.of(DomainException.RETRY_AFTER, seconds,
                "limit", Map.of("scope", limited.scope().name().toLowerCase(Locale.ROOT), "sends", limit.sends(),
                        "windowSeconds", limit.window().toSeconds())));
    }

    private static DomainException emailRegistered(EmailAddress email) {
        return DomainException.conflict("account-exists", "Account already exists",
                "A SalesOS account already exists for " + email);
    }

    private static Map<String, String> describe(Invitation invitation) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "email", invitation.email().value(), "name", invitation.name(), "roleId", invitation.roleId(),
                "status", "pending"));
        if (invitation.teamId() != null) {
            fields.put("teamId", invitation.teamId());
        }
        return fields;
    }

    private AuditEvent audit(Caller caller, String action, Invitation invitation,
                             Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "invitation", invitation.id(),
                clock.instant(), before, after);
    }
}
