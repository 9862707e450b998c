package com.salesos.admin.testing;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.User;
import com.salesos.admin.users.UserStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users with the invariants the table's transactions keep: each status or role change commits
 * with the seat and active-Admin counters ({@link InMemorySeats}) and the role holder counts
 * ({@link InMemoryRoles}) or not at all, and only if the user is still as the caller read it.
 */
public final class InMemoryUsers implements UserStore {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final InMemorySeats seats;
    private final InMemoryRoles roles;
    private final InMemoryAuditLog audit;

    public InMemoryUsers(InMemorySeats seats, InMemoryRoles roles, InMemoryAuditLog audit) {
        this.seats = seats;
        this.roles = roles;
        this.audit = audit;
    }

    /** A user as if they had accepted an invitation earlier; an active one needs a free seat. */
    public User add(String workspaceId, String id, String roleId, UserStatus status) {
        User user = new User(id, workspaceId, EmailAddress.parse(id + "@x.test").orElseThrow(), "Name of " + id, roleId,
                null, status, "sub-" + id, Instant.parse("2026-01-01T00:00:00Z"));
        boolean active = status == UserStatus.ACTIVE;
        if (seats.change(workspaceId, active ? 1 : 0, 0, active && isAdmin(roleId) ? 1 : 0) != InMemorySeats.Refusal.NONE) {
            throw new IllegalStateException("no free seat for " + id);
        }
        if (!roles.hold(workspaceId, roleId)) {
            throw new IllegalStateException("no role " + roleId);
        }
        users.put(key(workspaceId, id), user);
        return user;
    }

    /** Changes a stored user behind the service's back, as a concurrent request would. */
    public void replace(User user) {
        users.put(key(user.workspaceId(), user.id()), user);
    }

    @Override
    public Optional<User> find(String workspaceId, String userId) {
        return Optional.ofNullable(users.get(key(workspaceId, userId)));
    }

    @Override
    public Page<User> list(String workspaceId, UserFilter filter, PageRequest page) {
        List<User> matching = users.values().stream()
                .filter(u -> u.workspaceId().equals(workspaceId))
                .filter(u -> filter.status().map(s -> s == u.status()).orElse(true))
                .filter(u -> filter.roleId().map(r -> r.equals(u.roleId())).orElse(true))
                .filter(u -> filter.teamId().map(t -> t.equals(u.teamId())).orElse(true))
                .toList();
        return Pages.of(matching, page);
    }

    @Override
    public Change update(User current, Role from, Role to, User updated, AuditEvent event) {
        String ws = current.workspaceId();
        if (!stillAsRead(current)) {
            return new Change.Stale();
        }
        if (!from.id().equals(to.id())) {
            if (!roles.hold(ws, to.id())) {
                return new Change.RoleGone();
            }
            boolean active = current.status() == UserStatus.ACTIVE;
            long adminDelta = active ? (isAdmin(to.id()) ? 1 : 0) - (isAdmin(from.id()) ? 1 : 0) : 0;
            InMemorySeats.Refusal refusal = seats.change(ws, 0, 0, adminDelta);
            if (refusal != InMemorySeats.Refusal.NONE) {
                roles.release(ws, to.id());
                return refused(ws, refusal);
            }
            roles.release(ws, from.id());
        }
        users.put(key(ws, current.id()), updated);
        audit.append(event);
        return new Change.Done();
    }

    @Override
    public Change deactivate(User current, AuditEvent event) {
        return move(current, UserStatus.ACTIVE, UserStatus.DEACTIVATED, -1, event);
    }

    @Override
    public Change reactivate(User current, AuditEvent event) {
        return move(current, UserStatus.DEACTIVATED, UserStatus.ACTIVE, 1, event);
    }

    private Change move(User current, UserStatus from, UserStatus to, long seatDelta, AuditEvent event) {
        String ws = current.workspaceId();
        User stored = users.get(key(ws, current.id()));
        if (stored == null || stored.status() != from || !stored.roleId().equals(current.roleId())) {
            return new Change.Stale();
        }
        InMemorySeats.Refusal refusal = seats.change(ws, seatDelta, 0, isAdmin(current.roleId()) ? seatDelta : 0);
        if (refusal != InMemorySeats.Refusal.NONE) {
            return refused(ws, refusal);
        }
        users.put(key(ws, current.id()), new User(stored.id(), ws, stored.email(), stored.name(), stored.roleId(),
                stored.teamId(), to, stored.subject(), stored.createdAt()));
        audit.append(event);
        return new Change.Done();
    }

    private Change refused(String workspaceId, InMemorySeats.Refusal refusal) {
        return refusal == InMemorySeats.Refusal.NO_FREE_SEAT ? new Change.NoFreeSeat(seats.read(workspaceId))
                : new Change.LastAdmin();
    }

    private boolean stillAsRead(User current) {
        User stored = users.get(key(current.workspaceId(), current.id()));
        return stored != null && stored.roleId().equals(current.roleId()) && stored.status() == current.status();
    }

    private static boolean isAdmin(String roleId) {
        return BuiltInRoles.ADMIN.id().equals(roleId);
    }

    private static String key(String workspaceId, String userId) {
        return workspaceId + "#" + userId;
    }
}
