package com.salesos.admin.functions.exportworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A finished export emits its duration, records and bytes as one EMF line, and every worker line is JSON. */
@ExtendWith(LocalAwsExtension.class)
class ExportMetricsThroughLambdaTest {

    @Test
    void a_finished_export_emits_duration_records_and_bytes_for_its_workspace(LocalAws aws, MovableClock clock,
            @OnMovableClock LambdaApi api, SentEmails emails) throws Exception {
        try (ExportFixture fx = new ExportFixture(aws, clock, api, emails)) {
            String admin = fx.admin("ws-expm");
            String id = fx.requestExport(admin, List.of("users"));

            CapturedLogs captured = CapturedLogs.during(fx.driver::drain);
            List<JsonNode> lines = captured.lines();
            List<JsonNode> metrics = captured.metrics();

            assertThat(fx.job(admin, id).path("status").asText()).isEqualTo("succeeded");
            assertThat(lines).allSatisfy(l -> assertThat(l.path("level").asText()).isNotBlank());
            assertThat(metrics).hasSize(1);
            JsonNode finished = metrics.get(0);
            assertThat(finished.path("ExportRecords").asLong()).isEqualTo(1);
            assertThat(finished.path("ExportBytes").asLong()).isEqualTo(fx.job(admin, id).path("sizeBytes").asLong());
            assertThat(finished.path("ExportDuration").isNumber()).isTrue();
            assertThat(finished.path("workspaceId").asText()).isEqualTo("ws-expm");
        }
    }
}
