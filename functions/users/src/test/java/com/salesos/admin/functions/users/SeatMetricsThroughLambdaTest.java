package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.users.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the seats emits the workspace's seats used against its limit as an EMF line. */
class SeatMetricsThroughLambdaTest {

    @Test
    void reading_seats_emits_seats_used_and_the_limit_for_the_workspace() throws Exception {
        LocalAws aws = LocalAws.fresh();
        aws.workspaces().createWorkspace("ws-seatm", "Seat Metrics", "team", 7);
        User admin = aws.workspaces().addUser("ws-seatm", "usr_seatm_admin", "admin@seatm.test", "Ada", "admin", null,
                "Correct-Horse-9-Battery");
        List<JsonNode> metrics;
        try (LambdaApi api = new LambdaApi()) {
            metrics = CapturedLogs.during(() -> assertThat(api.call("GET", "/v1/seats", null, admin.subject()).status())
                    .isEqualTo(200)).metrics();
        }

        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).path("SeatsUsed").asLong()).isEqualTo(1);
        assertThat(metrics.get(0).path("SeatLimit").asLong()).isEqualTo(7);
        assertThat(metrics.get(0).path("workspaceId").asText()).isEqualTo("ws-seatm");
        assertThat(metrics.get(0).path("requestId").asText()).isNotBlank();
    }
}
