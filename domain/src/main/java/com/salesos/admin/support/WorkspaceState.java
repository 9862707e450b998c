package com.salesos.admin.support;

/** Where a workspace is in its life, as support sees it. */
public enum WorkspaceState {
    ACTIVE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
