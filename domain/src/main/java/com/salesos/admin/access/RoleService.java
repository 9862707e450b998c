package com.salesos.admin.access;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.DisplayText;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.ListPages;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Custom roles: create, rename, change permissions, delete. Built-in roles cannot be changed. */
public final class RoleService {

    private static final int MAX_NAME_LENGTH = 50;
    /**
     * Custom roles per workspace. Every role lookup by name and {@code GET /v1/roles} read them all,
     * so their number is bounded like any input that drives work per request; no sales team needs
     * more than a handful beside the three built-in ones.
     */
    public static final int MAX_CUSTOM_ROLES = 100;

    private final RoleStore store;
    private final RoleCatalog catalog;
    private final IdGenerator ids;
    private final Clock clock;

    public RoleService(RoleStore store, RoleCatalog catalog, IdGenerator ids, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Role> list(Caller caller) {
        List<Role> roles = new ArrayList<>(BuiltInRoles.ALL);
        roles.addAll(store.listCustom(caller.workspaceId()));
        return roles;
    }

    /** The built-in roles, then the custom ones by id (in the order they were made), a page at a time. */
    public Page<Role> list(Caller caller, PageRequest page) {
        return ListPages.page(list(caller), RoleService::orderKey, page);
    }

    private static String orderKey(Role role) {
        int builtIn = BuiltInRoles.ALL.indexOf(role);
        return builtIn >= 0 ? "0" + builtIn : "1" + role.id();
    }

    /** A new custom role, and whether an earlier request with the same {@code Idempotency-Key} made it. */
    public record Created(Role role, boolean replayed) {
    }

    public Created create(Caller caller, String name, List<String> permissionCodes, Optional<String> clientKey) {
        Validation validation = new Validation();
        String cleanName = validName(name, validation);
        Set<Permission> permissions = validPermissions(permissionCodes, validation, true);
        validation.throwIfInvalid();
        Role role = new Role(ids.newId("role"), cleanName, permissions, false);
        GrantPolicy.requireMayGrant(caller, role);
        Map<String, Object> after = describe(role);
        Optional<IdempotencyKey> key = IdempotencyKey.of("roles", caller.userId(), clientKey.orElse(null),
                role.name() + "\n" + after.get("permissions"));
        RoleStore.Outcome outcome = store.create(caller.workspaceId(), role,
                audit(caller, "role.created", role, Map.of(), after), key, MAX_CUSTOM_ROLES);
        if (outcome instanceof RoleStore.Outcome.Replayed replayed) {
            String roleId = replayed.replay().resourceIdOrRefuse();
            return new Created(catalog.find(caller.workspaceId(), roleId).filter(r -> r.id().equals(roleId))
                    .orElseThrow(() -> DomainException.notFound("Role " + roleId)), true);
        }
        refuseUnlessDone(outcome, role);
        return new Created(role, false);
    }

    public Role update(Caller caller, String roleId, Optional<String> name, Optional<List<String>> permissionCodes) {
        Role current = customRole(caller, roleId);
        Validation validation = new Validation();
        String newName = name.map(n -> validName(n, validation)).orElse(current.name());
        Set<Permission> newPermissions = permissionCodes.map(p -> validPermissions(p, validation, true))
                .orElse(current.permissions());
        if (name.isEmpty() && permissionCodes.isEmpty()) {
            validation.reject("name", "give a new name or new permissions");
        }
        validation.throwIfInvalid();
        Role updated = new Role(current.id(), newName, newPermissions, false);
        GrantPolicy.requireMayGrant(caller, current);
        GrantPolicy.requireMayGrant(caller, updated);
        refuseUnlessDone(store.update(caller.workspaceId(), current, updated,
                audit(caller, "role.changed", current, describe(current), describe(updated))), updated);
        return updated;
    }

    public void delete(Caller caller, String roleId) {
        Role current = customRole(caller, roleId);
        GrantPolicy.requireMayGrant(caller, current);
        refuseUnlessDone(store.delete(caller.workspaceId(), current,
                audit(caller, "role.deleted", current, describe(current), Map.of())), current);
    }

    private Role customRole(Caller caller, String roleId) {
        if (BuiltInRoles.find(roleId).filter(r -> r.id().equals(roleId)).isPresent()) {
            throw RoleProblems.builtInRole();
        }
        return catalog.find(caller.workspaceId(), roleId).filter(r -> !r.builtIn() && r.id().equals(roleId))
                .orElseThrow(() -> DomainException.notFound("Role " + roleId));
    }

    private static void refuseUnlessDone(RoleStore.Outcome outcome, Role role) {
        if (outcome instanceof RoleStore.Outcome.NameTaken) {
            throw RoleProblems.nameTaken(role);
        }
        if (outcome instanceof RoleStore.Outcome.InUse inUse) {
            throw RoleProblems.inUse(role, inUse.holders());
        }
        if (outcome instanceof RoleStore.Outcome.Stale) {
            throw RoleProblems.changedMeanwhile();
        }
        if (outcome instanceof RoleStore.Outcome.LimitReached) {
            throw RoleProblems.limitReached(MAX_CUSTOM_ROLES);
        }
    }

    private static String validName(String name, Validation validation) {
        // One visible line, and not one that reads as a built-in role ("Admin" with an invisible
        // joiner or no-break space, in full-width letters or with a Cyrillic "А"), so no custom role
        // can pass for one in the user list or the audit log.
        String clean = DisplayText.singleLine(name);
        if (clean.isEmpty()) {
            validation.reject("name", "is required");
        } else if (clean.length() > MAX_NAME_LENGTH) {
            validation.reject("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        } else if (RoleNameSkeleton.passesForBuiltIn(clean)) {
            validation.reject("name", "is the name of a built-in role");
        }
        return clean;
    }

    private static Set<Permission> validPermissions(List<String> codes, Validation validation, boolean required) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (codes == null || (required && codes.isEmpty())) {
            validation.reject("permissions", "give at least one permission");
            return permissions;
        }
        for (String code : codes) {
            Optional<Permission> permission = Permission.fromCode(code);
            if (permission.isEmpty()) {
                validation.reject("permissions", "unknown permission '" + code + "'; known: "
                        + java.util.Arrays.stream(Permission.values()).map(Permission::code).collect(Collectors.joining(", ")));
            } else {
                permissions.add(permission.get());
            }
        }
        return permissions;
    }

    private static Map<String, Object> describe(Role role) {
        return Map.of("name", role.name(), "permissions",
                role.permissions().stream().map(Permission::code).sorted().toList());
    }

    private AuditEvent audit(Caller caller, String action, Role role, Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "role", role.id(), clock.instant(), before, after);
    }
}
