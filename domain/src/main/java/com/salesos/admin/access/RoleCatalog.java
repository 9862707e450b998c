package com.salesos.admin.access;

import java.util.Optional;

/** Port: the roles a workspace can hand out (built-in plus its custom roles). */
public interface RoleCatalog {

    /** Resolves a role by id or by name (case-insensitive) within the workspace. */
    Optional<Role> find(String workspaceId, String reference);
}
