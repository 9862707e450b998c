package com.salesos.admin.exports;

/** Where an export job is; QUEUED and RUNNING are active (one per workspace at a time). */
public enum ExportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
