package com.salesos.admin.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.metrics.BusinessMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each business metric is one valid Embedded Metric Format line: the _aws directive names the
 * namespace, the Function dimension and every metric with its unit, and each named metric is a number at the
 * top level, beside level, message and the workspace as a property.
 */
class EmfMetricsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_verb_writes_one_emf_line_whose_metrics_are_declared_and_present() throws Exception {
        assertMetrics(m -> m.invitationSent("ws-1"), "InvitationsSent");
        assertMetrics(m -> m.invitationFailed("ws-1"), "InvitationsFailed");
        assertMetrics(m -> m.invitationAccepted("ws-1"), "InvitationsAccepted");
        assertMetrics(m -> m.seatsUsed("ws-1", 4, 10), "SeatsUsed", "SeatLimit");
        assertMetrics(m -> m.planChanged("ws-1", "business", "upgrade"), "PlanChanges");
        assertMetrics(m -> m.downgradeApplied("ws-1"), "DowngradesApplied");
        assertMetrics(m -> m.pointsBooked("ws-1", 25), "PointsBooked");
        assertMetrics(m -> m.badgesAwarded("ws-1", 2), "BadgesAwarded");
        assertMetrics(m -> m.exportFinished("ws-1", Duration.ofMillis(1234), 500, 65_536),
                "ExportDuration", "ExportRecords", "ExportBytes");
        assertMetrics(m -> m.exportFailed("ws-1"), "ExportFailures");
        assertMetrics(m -> m.emailSendFailed("ws-1", "invitation"), "EmailSendFailures");
    }

    @Test
    void values_and_units_are_what_was_counted() throws Exception {
        JsonNode line = lines(m -> m.exportFinished("ws-9", Duration.ofMillis(1234), 500, 65_536)).get(0);
        assertThat(line.path("ExportDuration").asLong()).isEqualTo(1234);
        assertThat(line.path("ExportRecords").asLong()).isEqualTo(500);
        assertThat(line.path("ExportBytes").asLong()).isEqualTo(65_536);
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics"))
                .extracting(m -> m.path("Unit").asText()).containsExactly("Milliseconds", "Count", "Bytes");
        assertThat(lines(m -> m.badgesAwarded("ws-9", 0))).as("nothing awarded, nothing written").isEmpty();
    }

    static void assertMetrics(Consumer<BusinessMetrics> event, String... names) throws Exception {
        List<JsonNode> lines = lines(event);
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        assertThat(line.path("Function").asText()).as("the dimension's value").isNotBlank();
        List<String> declared = new ArrayList<>();
        directive.path("Metrics").forEach(m -> declared.add(m.path("Name").asText()));
        assertThat(declared).containsExactly(names);
        for (String name : names) {
            assertThat(line.path(name).isNumber()).as(name + " in " + line).isTrue();
        }
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("workspaceId").asText()).isEqualTo("ws-1");
    }

    static List<JsonNode> lines(Consumer<BusinessMetrics> event) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            event.accept(new EmfMetrics());
        } finally {
            System.setOut(original);
        }
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }
}
