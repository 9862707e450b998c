package com.salesos.admin.web;

import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Resolves the role ids stored on users and invitations to the {@code {id, name}} responses show. */
@Singleton
public final class RoleNames {

    private final RoleCatalog roles;

    public RoleNames(RoleCatalog roles) {
        this.roles = roles;
    }

    /**
     * For a listing: each distinct role of the page is looked up once, not once per row (a page of
     * 200 users of the same custom role is one read, and a deleted role's fallback query runs once).
     */
    public Function<String, RoleView> forPage(String workspaceId) {
        Map<String, RoleView> seen = new HashMap<>();
        return roleId -> seen.computeIfAbsent(roleId, id -> view(workspaceId, id));
    }

    public RoleView view(String workspaceId, String roleId) {
        // A custom role deleted meanwhile still shows its id, so the record stays readable.
        return RoleView.of(roles.find(workspaceId, roleId).orElseGet(() -> Role.deleted(roleId)));
    }
}
