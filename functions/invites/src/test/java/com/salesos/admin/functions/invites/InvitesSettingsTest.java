package com.salesos.admin.functions.invites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invites function's settings: the shared table plus mail, Cognito and the invitation queue, read in one go. */
class InvitesSettingsTest {

    @Test
    void a_start_with_nothing_set_names_every_variable_the_function_reads_the_table_included() {
        assertThatThrownBy(() -> InvitesSettings.read(Map.<String, String>of()::get))
                .hasMessageStartingWith("InvitesSettings cannot start, missing configuration:"
                        + " TABLE_NAME, SENDER_ADDRESS, APP_URL, USER_POOL_ID, INVITATION_QUEUE_URL");
    }

    @Test
    void the_values_it_reads_are_the_ones_it_declares() {
        InvitesSettings settings = InvitesSettings.read(Map.of("TABLE_NAME", "admin", "SENDER_ADDRESS", "no-reply@x.test",
                "APP_URL", "https://app.x.test/", "USER_POOL_ID", "pool-1",
                "INVITATION_QUEUE_URL", "https://sqs.x.test/1/invitations")::get);

        assertThat(settings.shared().tableName()).isEqualTo("admin");
        assertThat(settings.senderAddress()).isEqualTo("no-reply@x.test");
        assertThat(settings.appUrl()).isEqualTo("https://app.x.test");
        assertThat(settings.userPoolId()).isEqualTo("pool-1");
        assertThat(settings.invitationQueueUrl()).isEqualTo("https://sqs.x.test/1/invitations");
    }
}
