package com.salesos.admin.functions.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON bodies the users routes accept. Absent fields arrive as null. */
final class Forms {

    private Forms() {
    }

    /** PATCH /v1/users/{id}: a new role (id or name) and/or team; {@code "teamId": ""} leaves the team. */
    @Serdeable
    record UserChange(@Nullable String role, @Nullable String teamId) {
    }

    @Serdeable
    record Reassign(@Nullable String toUserId, @Nullable List<String> dealIds) {
    }

    @Serdeable
    record RoleForm(@Nullable String name, @Nullable List<String> permissions) {
    }
}
