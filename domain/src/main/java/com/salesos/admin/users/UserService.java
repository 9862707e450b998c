package com.salesos.admin.users;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.GrantPolicy;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.access.RoleProblems;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.seats.NoFreeSeat;
import com.salesos.admin.users.SignInControl.SignInControlFailed;
import com.salesos.admin.users.UserStore.Change;
import com.salesos.admin.users.UserStore.UserFilter;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The user use cases: read, list, change role or team, deactivate, reactivate, list a user's deals. */
public final class UserService {

    /** Identity calls one request makes to follow a status that keeps moving under it; two meet any real race. */
    private static final int MAX_SIGN_IN_ROUNDS = 5;

    private final UserStore users;
    private final RoleCatalog roles;
    private final WorkspaceDirectory workspaces;
    private final SignInControl signIn;
    private final DealOwnership deals;
    private final Clock clock;

    public UserService(UserStore users, RoleCatalog roles, WorkspaceDirectory workspaces, SignInControl signIn,
                       DealOwnership deals, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.workspaces = workspaces;
        this.signIn = signIn;
        this.deals = deals;
        this.clock = clock;
    }

    public User get(Caller caller, String userId) {
        return users.find(caller.workspaceId(), userId).orElseThrow(() -> DomainException.notFound("User " + userId));
    }

    /** Users by status, role (by id or name) and team; each filter given narrows the list. */
    public Page<User> list(Caller caller, Optional<UserStatus> status, Optional<String> role, Optional<String> teamId,
                           PageRequest page) {
        Optional<String> roleFilter = role.map(r -> roles.find(caller.workspaceId(), r).map(Role::id)
                .orElseThrow(() -> DomainException.invalidField("role", "is not a role of this workspace")));
        return users.list(caller.workspaceId(), new UserFilter(status, roleFilter, teamId), page);
    }

    /**
     * Changes role and/or team. {@code teamId} absent leaves the team; an empty string takes the
     * user out of their team.
     */
    public User update(Caller caller, String userId, Optional<String> roleReference, Optional<String> teamId) {
        User current = get(caller, userId);
        Validation validation = new Validation();
        Role from = roleOf(current);
        Role to = from;
        if (roleReference.isEmpty() && teamId.isEmpty()) {
            validation.reject("role", "give a new role or team");
        }
        if (roleReference.isPresent()) {
            Optional<Role> found = roles.find(caller.workspaceId(), roleReference.get());
            if (found.isEmpty()) {
                validation.reject("role", "is not a role of this workspace");
            } else if (!found.get().id().equals(current.roleId())) {
                to = found.get();
            }
        }
        String newTeam = current.teamId();
        if (teamId.isPresent()) {
            newTeam = teamId.get().isBlank() ? null : teamId.get().strip();
            if (newTeam != null && !workspaces.teamExists(caller.workspaceId(), newTeam)) {
                validation.reject("teamId", "is not a team of this workspace");
            }
        }
        validation.throwIfInvalid();
        boolean teamChanges = !java.util.Objects.equals(newTeam, current.teamId());
        if (to == from && !teamChanges) {
            // A form saved as it was (the frontend sends every field): nothing to change, nothing to audit.
            return current;
        }
        if (to != from) {
            GrantPolicy.requireMayGrant(caller, from);
            GrantPolicy.requireMayGrant(caller, to);
        }
        User updated = new User(current.id(), current.workspaceId(), current.email(), current.name(), to.id(), newTeam,
                current.status(), current.subject(), current.createdAt());
        // The audit names only what changed.
        Map<String, String> before = new java.util.HashMap<>();
        Map<String, String> after = new java.util.HashMap<>();
        if (to != from) {
            before.put("roleId", current.roleId());
            after.put("roleId", to.id());
        }
        if (teamChanges) {
            Optional.ofNullable(current.teamId()).ifPresent(t -> before.put("teamId", t));
            Optional.ofNullable(newTeam).ifPresent(t -> after.put("teamId", t));
        }
        Change change = users.update(current, from, to, updated, audit(caller, "user.changed", current, before, after));
        refuseUnlessDone(change, current);
        return updated;
    }

    /**
     * Blocks the user everywhere: first in the store (API access ends with the next request and
     * the seat is freed), then at the identity provider (sign-in and sessions). If the identity
     * provider fails, the store change stands and repeating the call finishes the job; a second
     * call never frees a second seat.
     */
    public User deactivate(Caller caller, String userId) {
        return moveStatus(caller, userId, UserStatus.ACTIVE, UserStatus.DEACTIVATED, "user.deactivated",
                users::deactivate, signIn::block, "blocking sign-in");
    }

    /** Restores access with all history; needs a free seat. Repeatable like {@link #deactivate}. */
    public User reactivate(Caller caller, String userId) {
        return moveStatus(caller, userId, UserStatus.DEACTIVATED, UserStatus.ACTIVE, "user.reactivated",
                users::reactivate, signIn::allow, "allowing sign-in");
    }

    /**
     * The store moves first (only if the user is still in {@code from}, so a repeat changes nothing
     * there), then the identity provider is brought in line, on every call.
     *
     * <p>The two are separate systems, so a deactivation and a reactivation of the same user at the
     * same moment could reach the identity provider in the other order than the store: the user
     * active and unable to sign in, or deactivated and able to. So after its identity call each
     * request reads the status again and, if it moved meanwhile, applies what the store now says,
     * until the two agree. Whichever request makes the last identity call has read the status after
     * it, so the last call matches the store's last move.
     */
    private User moveStatus(Caller caller, String userId, UserStatus from, UserStatus to, String action,
                            java.util.function.BiFunction<User, AuditEvent, Change> storeMove,
                            java.util.function.Consumer<User> identityMove, String identityAction) {
        User current = get(caller, userId);
        GrantPolicy.requireMayGrant(caller, roleOf(current));
        if (current.status() == from) {
            String before = from.name().toLowerCase(Locale.ROOT);
            String after = to.name().toLowerCase(Locale.ROOT);
            refuseUnlessDone(storeMove.apply(current, audit(caller, action, current,
                    Map.of("status", before), Map.of("status", after))), current);
        }
        User applied = withStatus(current, to);
        signIn(applied, identityMove, to, identityAction);
        for (int round = 0; round < MAX_SIGN_IN_ROUNDS; round++) {
            User stored = get(caller, userId);
            if (stored.status() == applied.status()) {
                return stored;
            }
            applied = stored;
            boolean active = stored.status() == UserStatus.ACTIVE;
            signIn(stored, active ? signIn::allow : signIn::block, stored.status(), active ? "allowing sign-in" : "blocking sign-in");
        }
        return applied;
    }

    private void signIn(User user, java.util.function.Consumer<User> identityMove, UserStatus status, String identityAction) {
        try {
            identityMove.accept(user);
        } catch (SignInControlFailed e) {
            throw identityProviderDown(status.name().toLowerCase(Locale.ROOT), identityAction);
        }
    }

    /** The deals a user owns, a page at a time, so an admin can choose which to reassign. */
    public Page<DealOwnership.Deal> deals(Caller caller, String userId, PageRequest page) {
        User owner = get(caller, userId);
        return deals.dealsOf(caller.workspaceId(), owner.id(), page);
    }

    public Role roleOf(User user) {
        return roles.find(user.workspaceId(), user.roleId()).orElseGet(() -> Role.deleted(user.roleId()));
    }

    private static void refuseUnlessDone(Change change, User user) {
        if (change instanceof Change.LastAdmin) {
            throw DomainException.conflict("last-admin", "Last active Admin",
                    "A workspace always keeps at least one active Admin; make someone else Admin first");
        }
        if (change instanceof Change.NoFreeSeat noSeat) {
            throw NoFreeSeat.refusal(noSeat.seats(), 1);
        }
        if (change instanceof Change.RoleGone) {
            throw RoleProblems.roleGone();
        }
        if (change instanceof Change.Stale) {
            throw DomainException.conflict("user-changed", "User changed meanwhile",
                    "User " + user.id() + " was changed by someone else at the same time; reload and try again");
        }
    }

    private static DomainException identityProviderDown(String state, String action) {
        return new DomainException(ProblemKind.UNAVAILABLE, "identity-provider-unavailable", "Identity provider unavailable",
                "The user is " + state + " in SalesOS, but " + action
                        + " at the identity provider failed; repeat the request to finish");
    }

    private static User withStatus(User user, UserStatus status) {
        return new User(user.id(), user.workspaceId(), user.email(), user.name(), user.roleId(), user.teamId(), status,
                user.subject(), user.createdAt());
    }

    private AuditEvent audit(Caller caller, String action, User user, Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "user", user.id(), clock.instant(), before, after);
    }
}
