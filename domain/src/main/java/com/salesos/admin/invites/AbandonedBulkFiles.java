package com.salesos.admin.invites;

import com.salesos.admin.problems.DomainException;
import java.time.Clock;

/**
 * The sweep for bulk files whose request died: an open file whose lease ended holds seats nobody
 * will use, so its unused seats go back (and its role holds become exact). Run on a schedule; a
 * retry with the same Idempotency-Key would rather finish the file, and may still do so afterwards.
 */
public final class AbandonedBulkFiles {

    /** Per run; the schedule comes back for the rest. */
    static final int BATCH = 100;

    private final BulkInvitationStore store;
    private final Clock clock;

    public AbandonedBulkFiles(BulkInvitationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Releases every abandoned file found; answers how many were released. */
    public int release() {
        int released = 0;
        for (BulkInvitationStore.FileState file : store.abandoned(clock.instant(), BATCH)) {
            try {
                if (store.release(file, clock.instant())) {
                    released++;
                }
            } catch (DomainException refused) {
                // Its workspace is read-only while its deletion is confirmed: the purge takes the
                // file, or a later run releases it once the deletion is cancelled. The rest go on.
            }
        }
        return released;
    }
}
