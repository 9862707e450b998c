package com.salesos.admin.workspaces;

import java.util.Optional;

/** Port: read-only facts about a workspace that use cases need. */
public interface WorkspaceDirectory {

    Optional<String> name(String workspaceId);

    /** Its deletion finished: nothing of it is left but its tombstone. */
    boolean deleted(String workspaceId);

    boolean teamExists(String workspaceId, String teamId);

    java.util.List<Team> teams(String workspaceId);

    record Team(String id, String name) {
    }
}
