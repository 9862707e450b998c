package com.salesos.admin.testing;

import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.util.List;
import java.util.Optional;

/** Every workspace is called Acme and has one team, {@code team-east}. */
public final class InMemoryTeams implements WorkspaceDirectory {

    @Override
    public Optional<String> name(String workspaceId) {
        return Optional.of("Acme");
    }

    @Override
    public boolean deleted(String workspaceId) {
        return false;
    }

    @Override
    public boolean teamExists(String workspaceId, String teamId) {
        return teamId.equals("team-east");
    }

    @Override
    public List<Team> teams(String workspaceId) {
        return List.of(new Team("team-east", "East"));
    }
}
