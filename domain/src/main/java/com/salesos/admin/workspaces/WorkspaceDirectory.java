package com.salesos.admin.workspaces;

import java.util.Optional;

/** Port: read-only facts about a workspace that use cases need. */
public interface WorkspaceDirectory {

    Optional<String> name(String workspaceId);

    /** Its deletion finished: nothing of it is left but its tombstone. */
    boolean deleted(String workspaceId);

    boolean teamExists(String workspaceId, String teamId);

    /** Every team (the bulk invitation resolves team names against all of them). */
    java.util.List<Team> teams(String workspaceId);

    /** The teams a page at a time, by id, as {@code GET /v1/teams} lists them (a store pages its own query). */
    default com.salesos.admin.common.Page<Team> teams(String workspaceId, com.salesos.admin.common.PageRequest page) {
        return com.salesos.admin.common.ListPages.page(teams(workspaceId), Team::id, page);
    }

    record Team(String id, String name) {
    }
}
