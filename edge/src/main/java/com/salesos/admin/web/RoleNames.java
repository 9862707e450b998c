package com.salesos.admin.web;

import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleCatalog;
import jakarta.inject.Singleton;

/** Resolves the role ids stored on users and invitations to the {@code {id, name}} responses show. */
@Singleton
public final class RoleNames {

    private final RoleCatalog roles;

    public RoleNames(RoleCatalog roles) {
        this.roles = roles;
    }

    public RoleView view(String workspaceId, String roleId) {
        // A custom role deleted meanwhile still shows its id, so the record stays readable.
        return RoleView.of(roles.find(workspaceId, roleId).orElseGet(() -> Role.deleted(roleId)));
    }
}
