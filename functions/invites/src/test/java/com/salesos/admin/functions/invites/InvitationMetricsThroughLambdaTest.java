package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.users.User;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invitations sent and accepted show up as EMF metric lines; a replayed invite counts nothing. */
class InvitationMetricsThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp() {
        LocalAws aws = LocalAws.fresh();
        aws.workspaces().createWorkspace("ws-invm", "Invite Metrics", "team", 10);
        admin = aws.workspaces().addUser("ws-invm", "usr_invm_admin", "admin@invm.test", "Ada", "admin", null, PASSWORD);
        api = new LambdaApi();
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    @Test
    void an_invitation_sent_and_accepted_emits_one_metric_each_and_a_replay_emits_none() throws Exception {
        String body = json("email", "nia@invm.test", "name", "Nia", "role", "sales-rep");
        java.util.Map<String, String> key = java.util.Map.of("Idempotency-Key", "invm-key-0001");

        List<JsonNode> sent = metrics(() -> assertThat(api.call("POST", "/v1/invitations", body, admin.subject(), key).status()).isEqualTo(201));
        List<JsonNode> replayed = metrics(() -> assertThat(api.call("POST", "/v1/invitations", body, admin.subject(), key).status()).isEqualTo(201));
        String token = new SentEmails(MotoServer.shared()).latestInvitationToken("nia@invm.test");
        List<JsonNode> accepted = metrics(() -> assertThat(api.call("POST", "/v1/invitations/accept",
                json("token", token, "password", PASSWORD), null).status()).isEqualTo(201));

        assertThat(sent).extracting(m -> m.path("InvitationsSent").asLong()).containsExactly(1L);
        assertThat(sent.get(0).path("workspaceId").asText()).isEqualTo("ws-invm");
        assertThat(replayed).isEmpty();
        assertThat(accepted).extracting(m -> m.path("InvitationsAccepted").asLong()).containsExactly(1L);
        assertThat(accepted.get(0).path("workspaceId").asText()).isEqualTo("ws-invm");
        assertThat(accepted.get(0).toString()).doesNotContain(token).doesNotContain(PASSWORD);
    }

    /** The EMF lines written while {@code requests} ran. */
    static List<JsonNode> metrics(Runnable requests) {
        return CapturedLogs.during(requests).metrics();
    }
}
