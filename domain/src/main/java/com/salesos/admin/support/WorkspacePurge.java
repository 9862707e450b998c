package com.salesos.admin.support;

import com.salesos.admin.common.EmailAddress;
import java.time.Instant;
import java.util.List;

/**
 * Port: removes what a workspace holds. Every method deletes what is still there and answers how
 * much it removed, so running it again after a crash finishes the job instead of failing on what
 * is already gone.
 */
public interface WorkspacePurge {

    /** The sign-in accounts of the workspace's users, found through the user items that remain. */
    List<Account> accounts(String workspaceId);

    /** Deletes every stored object of the workspace (export files, badge images). */
    long deleteObjects(String workspaceId);

    /**
     * Deletes every item of the workspace: its partitions and the items outside them that point in
     * (sign-in principals, invitation tokens). Keeps only the deletion's live slot, which keeps the
     * workspace read-only until the request is done.
     */
    long deleteItems(String workspaceId);

    /** Marks the workspace deleted in support's directory: its tombstone, without personal data. */
    void markDeleted(String workspaceId, Instant at);

    record Account(String subject, EmailAddress email) {
    }
}
