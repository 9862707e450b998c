package com.salesos.admin.users;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.common.EmailAddress;
import java.time.Instant;

/** A person of a workspace. {@code subject} is the identity provider's id for their account. */
public record User(String id, String workspaceId, EmailAddress email, String name, String roleId,
                   String teamId, UserStatus status, String subject, Instant createdAt) {
}
