package com.salesos.admin.functions.support;

import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A deletion request as support and the workspace's Admins see it: ids, ticket, state and its times. */
@Serdeable
public record DeletionRequestView(String id, String workspaceId, String ticket, String reason, String state,
                                  int failedConfirmations, Instant openedAt, @Nullable Instant confirmedAt,
                                  @Nullable Instant executableAt, @Nullable Instant startedAt,
                                  @Nullable Instant finishedAt, @Nullable Instant cancelledAt) {

    static DeletionRequestView of(DeletionRequest request) {
        DeletionState state = request.state();
        Instant confirmedAt = state instanceof DeletionState.Confirmed c ? c.confirmedAt() : null;
        Instant executableAt = state instanceof DeletionState.Confirmed c ? c.executableAt() : null;
        Instant startedAt = state instanceof DeletionState.Running r ? r.startedAt() : null;
        Instant finishedAt = state instanceof DeletionState.Done d ? d.finishedAt() : null;
        Instant cancelledAt = state instanceof DeletionState.Cancelled c ? c.cancelledAt() : null;
        return new DeletionRequestView(request.id(), request.workspaceId(), request.ticket(), request.reason(),
                state.code(), request.failedConfirmations(), request.openedAt(), confirmedAt, executableAt, startedAt,
                finishedAt, cancelledAt);
    }
}
