package com.salesos.admin.access;

import com.salesos.admin.access.UserStatus;

/**
 * The signed-in person behind a request, as the store says now: role and status are read on
 * every request, never taken from token claims, so a change takes effect at once.
 */
public record Caller(String workspaceId, String userId, String email, String name, String teamId, Role role,
                     UserStatus status) {
}
