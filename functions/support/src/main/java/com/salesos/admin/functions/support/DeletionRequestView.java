package com.salesos.admin.functions.support;

import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionState;
import com.salesos.admin.support.PurgeCounts;
import com.salesos.admin.support.PurgeProgress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Optional;

/**
 * A deletion request as support and the workspace's Admins see it: ids, ticket, state and its
 * times; while it runs, what was removed so far ({@code progress}); once done, what was removed in
 * all ({@code deleted}). Who acted is given by id only (support {@code support:<sub>}, Admins by user id).
 */
@Serdeable
public record DeletionRequestView(String id, String workspaceId, String ticket, String reason, String state,
                                  int failedConfirmations, String openedBy, Instant openedAt,
                                  @Nullable String confirmedBy, @Nullable Instant confirmedAt,
                                  @Nullable Instant executableAt, @Nullable String executedBy,
                                  @Nullable Instant startedAt, @Nullable Instant finishedAt,
                                  @Nullable String cancelledBy, @Nullable Instant cancelledAt,
                                  @Nullable Counts progress, @Nullable Counts deleted) {

    /** Counts of what a purge removed: sign-in accounts, stored objects, unfinished uploads, table items. */
    @Serdeable
    public record Counts(long accounts, long objects, long uploads, long items) {
        static Counts of(PurgeCounts counts) {
            return new Counts(counts.accounts(), counts.objects(), counts.uploads(), counts.items());
        }
    }

    static DeletionRequestView of(DeletionRequest request) {
        return of(request, Optional.empty());
    }

    static DeletionRequestView of(DeletionRequest request, Optional<PurgeProgress> progress) {
        DeletionState state = request.state();
        String confirmedBy = null;
        Instant confirmedAt = null;
        Instant executableAt = null;
        String executedBy = null;
        Instant startedAt = null;
        Instant finishedAt = null;
        String cancelledBy = null;
        Instant cancelledAt = null;
        Counts deleted = null;
        if (state instanceof DeletionState.Confirmed c) {
            confirmedBy = c.confirmedBy();
            confirmedAt = c.confirmedAt();
            executableAt = c.executableAt();
        } else if (state instanceof DeletionState.Running r) {
            confirmedBy = r.confirmedBy();
            confirmedAt = r.confirmedAt();
            executedBy = r.executedBy();
            startedAt = r.startedAt();
        } else if (state instanceof DeletionState.Done d) {
            confirmedBy = d.confirmedBy();
            confirmedAt = d.confirmedAt();
            executedBy = d.executedBy();
            startedAt = d.startedAt();
            finishedAt = d.finishedAt();
            deleted = Counts.of(d.deleted());
        } else if (state instanceof DeletionState.Cancelled c) {
            cancelledBy = c.cancelledBy();
            cancelledAt = c.cancelledAt();
        }
        return new DeletionRequestView(request.id(), request.workspaceId(), request.ticket(), request.reason(),
                state.code(), request.failedConfirmations(), request.openedBy(), request.openedAt(), confirmedBy,
                confirmedAt, executableAt, executedBy, startedAt, finishedAt, cancelledBy, cancelledAt,
                progress.map(p -> Counts.of(p.counts())).orElse(null), deleted);
    }
}
