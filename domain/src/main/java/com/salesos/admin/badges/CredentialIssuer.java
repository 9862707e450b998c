package com.salesos.admin.badges;

import java.time.Instant;

/**
 * Port: issues an award's public credential (an Open Badges 3.0 OpenBadgeCredential with its
 * signed proof), ready to publish as it is. It is called once, when the badge is awarded, and the
 * result is stored with the award: reading a credential never signs anything.
 */
public interface CredentialIssuer {

    String issue(String workspaceId, String userId, Badge badge, Instant awardedAt);
}
