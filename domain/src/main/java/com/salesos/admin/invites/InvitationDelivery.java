package com.salesos.admin.invites;

import com.salesos.admin.invites.InvitationMailer.InvitationEmail;
import com.salesos.admin.common.MailNotSent;
import com.salesos.admin.invites.InvitationStore.Reissue;
import com.salesos.admin.invites.InvitationStore.SendLimitReached;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The sender's use case: mails one queued invitation. The link is issued here, at send time (a new
 * token, the 7 days start now), in the same transaction that counts the email against the send
 * limits, so a queued email is counted like any other and an over-limit email waits for the next
 * window instead of being refused. A redelivered message issues a fresh link again (the earlier,
 * possibly unsent one dies); an invitation already sent, revoked or accepted is skipped.
 */
public final class InvitationDelivery {

    private final DeliveryStore store;
    private final InvitationMailer mailer;
    private final WorkspaceDirectory workspaces;
    private final SendLimits limits;
    private final SecureRandom random;
    private final Clock clock;

    public InvitationDelivery(DeliveryStore store, InvitationMailer mailer, WorkspaceDirectory workspaces,
                              SendLimits limits, SecureRandom random, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.workspaces = workspaces;
        this.limits = limits;
        this.random = random;
        this.clock = clock;
    }

    /** What became of one queued email; {@link Outcome.Failed} asks the queue to try again later. */
    public sealed interface Outcome {
        record Sent() implements Outcome {
        }

        record Skipped(String why) implements Outcome {
        }

        /** A send limit is used up until {@code retryAt}; nothing was changed or counted. */
        record Deferred(Instant retryAt) implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    public Outcome deliver(String workspaceId, String invitationId) {
        Optional<DeliveryStore.Queued> queued = store.find(workspaceId, invitationId);
        if (queued.isEmpty()) {
            return new Outcome.Skipped("no such invitation");
        }
        Invitation current = queued.get().invitation();
        if (!current.isPending()) {
            return new Outcome.Skipped("no longer pending");
        }
        if (current.delivery() == DeliveryStatus.SENT) {
            return new Outcome.Skipped("already sent");
        }
        Instant now = clock.instant();
        InvitationToken token = InvitationToken.generate(random);
        Invitation issued = current.reissued(token.hash(), now.plus(Invitation.VALIDITY));
        Reissue issue = store.issue(current, issued, limits, now);
        if (issue instanceof SendLimitReached limited) {
            return new Outcome.Deferred(limited.retryAt());
        }
        if (issue instanceof Reissue.NoLongerPending) {
            return new Outcome.Skipped("changed meanwhile");
        }
        String workspaceName = workspaces.name(workspaceId).orElse("your team");
        try {
            mailer.send(new InvitationEmail(current.email(), current.name(), workspaceName, queued.get().invitedBy(),
                    token, issued.expiresAt()));
        } catch (MailNotSent e) {
            store.recordDelivery(issued, DeliveryStatus.FAILED);
            return new Outcome.Failed(e.getMessage());
        }
        store.recordDelivery(issued, DeliveryStatus.SENT);
        return new Outcome.Sent();
    }

    /** The queue gave up on this email (dead-letter queue): it shows failed, and the admin can resend. */
    public void giveUp(String workspaceId, String invitationId) {
        store.giveUp(workspaceId, invitationId);
    }
}
