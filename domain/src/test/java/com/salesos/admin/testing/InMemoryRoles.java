package com.salesos.admin.testing;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import com.salesos.admin.access.RoleStore;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Custom roles and the count of holders of each (users in any status and pending invitations),
 * kept like the table keeps them: names unique per workspace ignoring case, a role deleted only
 * while nobody holds it, nobody put into a role deleted meanwhile, updates conditional on the
 * role still being as read.
 */
public final class InMemoryRoles implements RoleStore, RoleCatalog {

    private final Map<String, Map<String, Role>> custom = new HashMap<>();
    private final Map<String, Long> holders = new HashMap<>();
    private final InMemoryIdempotency keys = new InMemoryIdempotency();
    private final InMemoryAuditLog audit;

    public InMemoryRoles(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    /** Puts a custom role in place as if created earlier. */
    public Role add(String workspaceId, Role role) {
        roles(workspaceId).put(role.id(), role);
        return role;
    }

    public long holders(String workspaceId, String roleId) {
        return holders.getOrDefault(workspaceId + "#" + roleId, 0L);
    }

    /** One more holder; false when the custom role no longer exists (built-in roles always do). */
    public boolean hold(String workspaceId, String roleId) {
        if (!isBuiltIn(roleId) && !roles(workspaceId).containsKey(roleId)) {
            return false;
        }
        holders.merge(workspaceId + "#" + roleId, 1L, Long::sum);
        return true;
    }

    public void release(String workspaceId, String roleId) {
        holders.merge(workspaceId + "#" + roleId, -1L, Long::sum);
    }

    @Override
    public Optional<Role> find(String workspaceId, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Optional<Role> builtIn = BuiltInRoles.find(reference);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        String wanted = reference.trim().toLowerCase(Locale.ROOT);
        return roles(workspaceId).values().stream()
                .filter(r -> r.id().equals(reference) || r.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @Override
    public List<Role> listCustom(String workspaceId) {
        return new ArrayList<>(roles(workspaceId).values());
    }

    @Override
    public Outcome create(String workspaceId, Role role, AuditEvent event, Optional<IdempotencyKey> key, int max) {
        Optional<IdempotencyKey.Replay> replay = keys.replay(workspaceId, key);
        if (replay.isPresent()) {
            return new Outcome.Replayed(replay.get());
        }
        if (nameTaken(workspaceId, role.name(), role.id())) {
            return new Outcome.NameTaken();
        }
        if (roles(workspaceId).size() >= max) {
            return new Outcome.LimitReached();
        }
        roles(workspaceId).put(role.id(), role);
        keys.remember(workspaceId, key, role.id());
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Outcome update(String workspaceId, Role current, Role updated, AuditEvent event) {
        if (!current.equals(roles(workspaceId).get(current.id()))) {
            return new Outcome.Stale();
        }
        if (nameTaken(workspaceId, updated.name(), updated.id())) {
            return new Outcome.NameTaken();
        }
        roles(workspaceId).put(updated.id(), updated);
        audit.append(event);
        return new Outcome.Done();
    }

    @Override
    public Outcome delete(String workspaceId, Role role, AuditEvent event) {
        if (!roles(workspaceId).containsKey(role.id())) {
            return new Outcome.Stale();
        }
        long held = holders(workspaceId, role.id());
        if (held > 0) {
            return new Outcome.InUse(held);
        }
        roles(workspaceId).remove(role.id());
        audit.append(event);
        return new Outcome.Done();
    }

    private boolean nameTaken(String workspaceId, String name, String ownId) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return roles(workspaceId).values().stream()
                .anyMatch(r -> !r.id().equals(ownId) && r.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private static boolean isBuiltIn(String roleId) {
        return BuiltInRoles.ALL.stream().anyMatch(r -> r.id().equals(roleId));
    }

    private Map<String, Role> roles(String workspaceId) {
        return custom.computeIfAbsent(workspaceId, ws -> new LinkedHashMap<>());
    }
}
