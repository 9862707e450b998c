package com.salesos.admin.functions.support;

import com.salesos.admin.support.WorkspaceProvisioning.Provisioned;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The answer to provisioning: the workspace and the first Admin's invitation (never its link,
 * which only the invitee's mailbox gets).
 */
@Serdeable
public record ProvisionedView(String id, String name, String tier, long seatLimit, String state, Instant createdAt,
                              AdminInvitation adminInvitation) {

    @Serdeable
    public record AdminInvitation(String id, String email, String delivery, Instant expiresAt) {
    }

    static ProvisionedView of(Provisioned provisioned) {
        WorkspaceView workspace = WorkspaceView.of(provisioned.workspace());
        var invitation = provisioned.adminInvitation();
        return new ProvisionedView(workspace.id(), workspace.name(), workspace.tier(), workspace.seatLimit(),
                workspace.state(), workspace.createdAt(),
                new AdminInvitation(invitation.id(), invitation.email().value(),
                        invitation.delivery().name().toLowerCase(java.util.Locale.ROOT), invitation.expiresAt()));
    }
}
