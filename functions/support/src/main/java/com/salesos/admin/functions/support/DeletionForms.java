package com.salesos.admin.functions.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON bodies of the deletion steps. Missing fields arrive as null and are reported by the use case. */
public final class DeletionForms {

    private DeletionForms() {
    }

    /** Support opens a request. */
    @Serdeable
    public record Open(@Nullable String ticket, @Nullable String reason) {
    }

    /** An Admin confirms by typing the workspace's name. */
    @Serdeable
    public record Confirm(@Nullable String workspaceName) {
    }

    /** Support executes, restating the workspace id. */
    @Serdeable
    public record Execute(@Nullable String workspaceId) {
    }
}
