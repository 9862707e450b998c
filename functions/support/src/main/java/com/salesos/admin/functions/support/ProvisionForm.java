package com.salesos.admin.functions.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON body of POST /v1/support/workspaces. Missing fields arrive as null and are reported by
 * the use case.
 */
@Serdeable
public record ProvisionForm(@Nullable String name, @Nullable String tier, @Nullable Long seatLimit,
                            @Nullable AdminForm admin, @Nullable String ticket) {

    /** The first Admin, who is invited. */
    @Serdeable
    public record AdminForm(@Nullable String email, @Nullable String name) {
    }
}
