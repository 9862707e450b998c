package com.salesos.admin.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.workspaces.EmailClaim.Holder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Email uniqueness: one holder per address in a workspace, and only the holder lets it go. */
class EmailClaimTest {

    private static final EmailAddress ADDRESS = new EmailAddress("ana@example.com");
    private static final Holder INVITATION = new Holder.PendingInvitation("inv-1");
    private static final Holder USER = new Holder.ActiveUser("usr-1");

    @Test
    void an_address_can_be_taken_only_while_nobody_holds_it() {
        EmailClaim take = new EmailClaim.Take(ADDRESS, INVITATION);
        assertThat(take.allows(Optional.empty())).isTrue();
        assertThat(take.allows(Optional.of(USER))).isFalse();
        assertThat(take.allows(Optional.of(INVITATION))).isFalse();
    }

    @Test
    void only_the_holder_releases_an_address() {
        EmailClaim release = new EmailClaim.Release(ADDRESS, INVITATION);
        assertThat(release.allows(Optional.of(INVITATION))).isTrue();
        assertThat(release.allows(Optional.of(new Holder.PendingInvitation("inv-2")))).isFalse();
        assertThat(release.allows(Optional.empty())).isFalse();
    }

    @Test
    void an_accepted_invitation_hands_its_address_to_the_user_only_while_it_holds_it() {
        EmailClaim transfer = new EmailClaim.Transfer(ADDRESS, INVITATION, USER);
        assertThat(transfer.allows(Optional.of(INVITATION))).isTrue();
        assertThat(transfer.allows(Optional.of(USER))).isFalse();
    }

    @Test
    void an_invitation_and_a_user_with_the_same_id_are_different_holders() {
        assertThat(new EmailClaim.Release(ADDRESS, new Holder.ActiveUser("x"))
                .allows(Optional.of(new Holder.PendingInvitation("x")))).isFalse();
    }
}
