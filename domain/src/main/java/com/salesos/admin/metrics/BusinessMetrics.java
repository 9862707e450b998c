package com.salesos.admin.metrics;

import java.time.Duration;

/**
 * What the business and its operators count, in the domain's words. The edge writes each as a
 * CloudWatch Embedded Metric Format line; the domain never sees JSON. Workspace ids travel with
 * each value for per-workspace queries but are not metric dimensions (one metric per workspace
 * would cost per workspace).
 */
public interface BusinessMetrics {

    /** An invitation email went out (a new invitation or a resend). */
    void invitationSent(String workspaceId);

    /** An invitation was stored but its email could not be sent. */
    void invitationFailed(String workspaceId);

    void invitationAccepted(String workspaceId);

    /** The workspace's seats as last read: how many are taken against its plan's limit. */
    void seatsUsed(String workspaceId, long used, long limit);

    /** A change the admin asked for: {@code kind} upgrade (applied now) or downgrade (scheduled). */
    void planChanged(String workspaceId, String toTier, String kind);

    /** The scheduler applied a scheduled downgrade, at the end of the workspace's billing period. */
    void downgradeApplied(String workspaceId);

    void pointsBooked(String workspaceId, long points);

    void badgesAwarded(String workspaceId, int count);

    void exportFinished(String workspaceId, Duration took, long records, long bytes);

    void exportFailed(String workspaceId);

    /** An email (invitation or export notice) was refused by the mail service. */
    void emailSendFailed(String workspaceId, String purpose);
}
