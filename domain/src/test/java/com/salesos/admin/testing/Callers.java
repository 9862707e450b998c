package com.salesos.admin.testing;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.users.User;

/** Callers as the access filter builds them: role and status as the store holds them now. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(User user, Role role) {
        return new Caller(user.workspaceId(), user.id(), user.email().value(), user.name(), user.teamId(), role,
                UserStatus.ACTIVE);
    }

    public static Caller of(String workspaceId, String userId, Role role) {
        return new Caller(workspaceId, userId, userId + "@x.test", "Name of " + userId, null, role, UserStatus.ACTIVE);
    }
}
