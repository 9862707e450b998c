package com.salesos.admin.invites;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.InvitationToken.TokenHash;
import java.time.Duration;
import java.time.Instant;

/** An invitation to join a workspace. It holds a seat while pending, even after its link expired. */
public record Invitation(String id, String workspaceId, EmailAddress email, String name, String roleId,
                         String teamId, InvitationStatus status, DeliveryStatus delivery, TokenHash tokenHash,
                         Instant expiresAt, Instant createdAt, String createdBy) {

    /** How long an invitation link works. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isPending() {
        return status == InvitationStatus.PENDING;
    }

    public Invitation withDelivery(DeliveryStatus newDelivery) {
        return new Invitation(id, workspaceId, email, name, roleId, teamId, status, newDelivery, tokenHash,
                expiresAt, createdAt, createdBy);
    }

    public Invitation reissued(TokenHash newHash, Instant newExpiry) {
        return new Invitation(id, workspaceId, email, name, roleId, teamId, status, DeliveryStatus.SENDING, newHash,
                newExpiry, createdAt, createdBy);
    }

    public Invitation withStatus(InvitationStatus newStatus) {
        return new Invitation(id, workspaceId, email, name, roleId, teamId, newStatus, delivery, tokenHash,
                expiresAt, createdAt, createdBy);
    }
}
