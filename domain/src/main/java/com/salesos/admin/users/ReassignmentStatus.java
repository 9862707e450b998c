package com.salesos.admin.users;

import java.util.Locale;

/** Where a background deal reassignment is; QUEUED and RUNNING are active (one per source user at a time). */
public enum ReassignmentStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /** As the API writes it: {@code queued}, {@code running}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
