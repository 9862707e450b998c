package com.salesos.admin.invites;

import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.invites.InvitationToken.TokenHash;
import com.salesos.admin.seats.Seats;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: where invitations live. Every change that touches seats, email uniqueness or the token
 * commits together with its audit record, or not at all; the adapter enforces the invariants with
 * store conditions, never by reading first.
 */
public interface InvitationStore {

    /**
     * Takes a seat, claims the email, counts the email about to go out against the limits (at the
     * invitation's creation time) and stores the invitation (and the idempotency key) atomically:
     * a refusal of any kind writes nothing and counts nothing.
     */
    Creation create(Invitation invitation, AuditEvent audit, Optional<IdempotencyKey> key, SendLimits limits);

    Optional<Invitation> find(String workspaceId, String invitationId);

    Page<Invitation> list(String workspaceId, Optional<InvitationStatus> status, PageRequest page);

    /** Records the mail outcome, unless the invitation has been reissued or changed since. */
    void recordDelivery(Invitation invitation, DeliveryStatus delivery);

    /**
     * Replaces the token of a pending invitation (the old one stops working) and counts the email
     * about to go out against the limits, atomically; a refusal changes nothing.
     */
    Reissue reissue(Invitation current, Invitation reissued, AuditEvent audit, SendLimits limits, Instant at);

    /** Revokes a pending invitation and frees its seat; false if no longer pending. */
    boolean revoke(Invitation current, AuditEvent audit);

    Optional<TokenGrant> findToken(TokenHash hash);

    /** Turns the invitation's seat into the new user's seat and burns the token. */
    Acceptance accept(Invitation invitation, User user, AuditEvent audit);

    /** Which invitation a token opens. */
    record TokenGrant(String workspaceId, String invitationId) {
    }

    sealed interface Creation {
        record Created(Invitation invitation) implements Creation {
        }

        record NoFreeSeat(Seats seats) implements Creation {
        }

        record EmailTaken() implements Creation {
        }

        /** The custom role was deleted at the same moment. */
        record RoleGone() implements Creation {
        }

        /** The idempotency key was used before: here is what it created, and whether the request matched. */
        record Replayed(String invitationId, boolean sameRequest) implements Creation {
        }
    }

    sealed interface Reissue {
        record Reissued() implements Reissue {
        }

        /** Someone accepted, revoked or reissued it in the meantime. */
        record NoLongerPending() implements Reissue {
        }
    }

    /** Sending one more email would break a limit; nothing was written. Retry at {@code retryAt}. */
    record SendLimitReached(SendLimits.Scope scope, Instant retryAt) implements Creation, Reissue {
    }

    sealed interface Acceptance {
        record Accepted(User user) implements Acceptance {
        }

        /** Someone accepted, revoked or reissued it in the meantime. */
        record NoLongerPending() implements Acceptance {
        }

        /** The identity account already belongs to another SalesOS user. */
        record AccountTaken() implements Acceptance {
        }

        /** The workspace is read-only: its deletion (this request) is confirmed or running. Nobody joins it now. */
        record WorkspaceLocked(String deletionRequestId) implements Acceptance {
        }
    }
}
