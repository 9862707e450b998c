package com.salesos.admin.invites;

import com.salesos.admin.invites.InvitationStore.Reissue;
import java.time.Instant;
import java.util.Optional;

/** Port: what the invitation sender reads and changes. */
public interface DeliveryStore {

    /** The invitation and the address of whoever invited (quoted, defanged, in the email). */
    Optional<Queued> find(String workspaceId, String invitationId);

    /**
     * Issues a new link (a token that was never sent replaces the current one) and counts the email
     * against the limits, atomically: a refusal changes and counts nothing.
     */
    Reissue issue(Invitation current, Invitation reissued, SendLimits limits, Instant at);

    /** Records the mail outcome, unless the link was reissued or the invitation changed since. */
    void recordDelivery(Invitation invitation, DeliveryStatus delivery);

    /** Marks the email failed for good unless it was sent meanwhile (a resend, a late success). */
    void giveUp(String workspaceId, String invitationId);

    record Queued(Invitation invitation, String invitedBy) {
    }
}
