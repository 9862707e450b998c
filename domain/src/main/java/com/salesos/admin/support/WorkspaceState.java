package com.salesos.admin.support;

/** Where a workspace is in its life, as support sees it. */
public enum WorkspaceState {
    ACTIVE,
    /** Its data, users and configuration are gone; the entry is its tombstone. */
    DELETED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
