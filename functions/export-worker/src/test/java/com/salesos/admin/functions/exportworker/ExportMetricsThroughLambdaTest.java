package com.salesos.admin.functions.exportworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A finished export emits its duration, records and bytes as one EMF line, and every worker line is
 * JSON; a notice email SES refuses counts as an email send failure.
 */
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

    @Test
    void a_refused_notice_email_counts_one_email_send_failure_and_the_retry_that_sends_it_counts_none(LocalAws aws,
            MovableClock clock, @OnMovableClock LambdaApi api, SentEmails emails) throws Exception {
        try (ExportFixture fx = new ExportFixture(aws, clock, api, emails)) {
            String admin = fx.admin("ws-mailfail");
            String id = fx.requestExport(admin, List.of("users"));
            String sender = aws.stack().physicalId("SenderIdentity");

            List<JsonNode> refused;
            try (SesV2Client ses = aws.clients().ses()) {
                ses.deleteEmailIdentity(r -> r.emailIdentity(sender));
                try {
                    // One delivery: the export succeeds, its ready email is refused, the message fails.
                    refused = metricLines(() -> assertThat(fx.driver.pollOnce(Duration.ZERO)).isEqualTo(1));
                } finally {
                    ses.createEmailIdentity(r -> r.emailIdentity(sender));
                }
            }
            List<JsonNode> delivered = metricLines(fx.driver::drain);

            assertThat(refused).filteredOn(l -> l.has("EmailSendFailures")).singleElement().satisfies(line -> {
                assertThat(line.path("EmailSendFailures").asInt()).isEqualTo(1);
                assertThat(line.path("purpose").asText()).isEqualTo("export-notice");
                assertThat(line.path("workspaceId").asText()).isEqualTo("ws-mailfail");
            });
            assertThat(delivered).noneMatch(l -> l.has("EmailSendFailures"));
            assertThat(fx.job(admin, id).path("status").asText()).isEqualTo("succeeded");
            assertThat(emails.to("admin@ws-mailfail.test")).hasSize(1);
        }
    }

    /** The EMF lines printed while {@code run} ran; every line must be JSON. */
    private static List<JsonNode> metricLines(Runnable run) {
        return CapturedLogs.during(run).metrics();
    }
}
