package com.salesos.admin.users;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.List;
import java.util.Map;

/** The refusals and failure reasons of deal reassignment, each worded once. */
public final class ReassignmentProblems {

    /** Why a receiver is refused, up front (422) or when it stops being active during a move. */
    static final String RECEIVER_MUST_BE_ACTIVE = "must be an active user of this workspace";

    private ReassignmentProblems() {
    }

    /** The receiver was deactivated while a move within the request was under way: what moved stays moved. */
    static DomainException receiverInactive(String toUserId, List<String> moved) {
        return new DomainException(ProblemKind.CONFLICT, "reassignment-receiver-inactive", "Receiver no longer active",
                "User " + toUserId + " stopped being active during the move; " + moved.size()
                        + " deals moved before that (movedDealIds), the rest stay with their owner",
                List.of(), Map.of("moved", moved.size(), "movedDealIds", List.copyOf(moved)));
    }

    /**
     * A move within the request that failed after some of its transactions had committed: the
     * failure's own answer (a lock's 409, say), or 503 for any other, with what had moved, so the
     * caller knows exactly; repeating the request moves the rest (every move is conditioned on the
     * current owner, so nothing moves twice).
     */
    static DomainException interrupted(List<String> moved, RuntimeException cause) {
        String before = moved.size() + " deals moved before that (movedDealIds), the rest stay with their owner";
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        if (cause instanceof DomainException refused) {
            extensions.putAll(refused.extensions());
            extensions.put("moved", moved.size());
            extensions.put("movedDealIds", List.copyOf(moved));
            return new DomainException(refused.kind(), refused.type(), refused.title(), refused.detail() + "; " + before,
                    refused.errors(), extensions);
        }
        extensions.put(DomainException.RETRY_AFTER, 1);
        extensions.put("moved", moved.size());
        extensions.put("movedDealIds", List.copyOf(moved));
        return new DomainException(ProblemKind.UNAVAILABLE, "reassignment-interrupted", "Reassignment interrupted",
                "The move stopped on a failure of the store; " + before + ". Repeat the request to move the rest.",
                List.of(), extensions);
    }

    /** The job's reason when its receiver stopped being active. */
    static String receiverInactiveReason(String toUserId, long moved) {
        return "User " + toUserId + " stopped being active; " + moved + " deals had moved, the rest stay with their owner";
    }

    /** The job's reason when its messages kept failing and the dead-letter queue gave up. */
    static String gaveUpReason(long moved, String lastError) {
        return "The reassignment failed repeatedly and was stopped after moving " + moved + " deals"
                + (lastError == null ? "" : " (last error: " + lastError + ")");
    }

    static DomainException inProgress(String fromUserId, String activeJobId, String state) {
        return new DomainException(ProblemKind.CONFLICT, "reassignment-in-progress", "A reassignment is already in progress",
                "All deals of user " + fromUserId + " are being moved by reassignment " + activeJobId + " (" + state
                        + "); start another when it has finished", List.of(), Map.of("activeReassignmentId", activeJobId));
    }

    static DomainException queueUnavailable() {
        return new DomainException(ProblemKind.UNAVAILABLE, "reassignment-queue-unavailable", "Reassignment queue unavailable",
                "The reassignment could not be queued and was not started; nothing moved. Try again in a moment");
    }
}
