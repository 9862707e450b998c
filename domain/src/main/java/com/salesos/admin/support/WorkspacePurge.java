package com.salesos.admin.support;

import java.util.List;

/**
 * Port: removes what a workspace holds, one step after another (for example the unfinished uploads
 * of one bucket, the objects of one bucket, the items of one partition), a page at a time so
 * memory stays bounded whatever the workspace's size. Every listing shows only what is still there,
 * in key order, and removing is safe to repeat, so a run that stopped anywhere is finished by the
 * next one instead of failing on what is already gone. The workspace item and its deletion's live
 * slot are never listed: they keep the workspace read-only until the request's last step removes
 * them.
 */
public interface WorkspacePurge {

    /** The steps in the order they run, named for logs and the request's progress. */
    List<String> steps();

    /** At most one page of what is left in step {@code step}; no entries once the step is done. */
    Batch next(String workspaceId, int step);

    interface Batch {

        /** What the page holds, in key order, with what removing each counts. */
        List<Entry> entries();

        /**
         * Removes the whole page: sign-in accounts first, then the items outside the workspace that
         * point in, then the page's own items or objects. Removing what is already gone is no error.
         */
        void remove();
    }

    /** One thing of the page: its key (unique and ordered within the step) and what it counts. */
    record Entry(String key, PurgeCounts counts) {
    }
}
