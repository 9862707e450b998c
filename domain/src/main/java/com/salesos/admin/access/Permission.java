package com.salesos.admin.access;

import java.util.Arrays;
import java.util.Optional;

/** The fixed permission catalogue. A role is a set of these; Admin holds every one. */
public enum Permission {
    USERS_MANAGE("users.manage"),
    BILLING_MANAGE("billing.manage"),
    GAMIFICATION_MANAGE("gamification.manage"),
    DATA_EXPORT("data.export"),
    AUDIT_READ("audit.read");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The name used on the wire and in role definitions, e.g. {@code users.manage}. */
    public String code() {
        return code;
    }

    public static Optional<Permission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
