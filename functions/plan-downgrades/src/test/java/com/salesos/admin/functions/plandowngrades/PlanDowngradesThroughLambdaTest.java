package com.salesos.admin.functions.plandowngrades;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.ScheduleDriver;
import com.salesos.admin.users.User;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled function as EventBridge Scheduler runs it: the template's schedule Input into the
 * handler Lambda builds, after the plans function (through its own handler) scheduled a downgrade.
 */
class PlanDowngradesThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi plans;
    static PlanDowngradesHandler handler;
    static ScheduleDriver<Map<String, Object>> schedule;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        clock = new MovableClock(Instant.now());
        plans = new LambdaApi(clock);
        handler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(clock));
        schedule = new ScheduleDriver<>(aws.stack().template(), "PlanDowngradesFunction", handler);
    }

    @AfterAll
    static void tearDown() {
        handler.close();
        plans.close();
    }

    @Test
    void a_scheduled_run_applies_a_due_downgrade_once_and_not_before_it_is_due() {
        aws.workspaces().createWorkspace("ws-due", "Due", "team", 10);
        User admin = aws.workspaces().addUser("ws-due", "usr_due_admin", "admin@due.test", "Admin", "admin", null, PASSWORD);
        var scheduled = plans.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        Instant effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());

        clock.set(effectiveAt.minusSeconds(60));
        assertThat((List<?>) schedule.fire().get("applied")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(schedule.fire().get("applied")).isEqualTo(List.of("ws-due"));
        assertThat((List<?>) schedule.fire().get("applied")).isEmpty();

        Map<String, AttributeValue> workspace = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#ws-due"), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
        assertThat(workspace.get("tier").s()).isEqualTo("starter");
        assertThat(workspace).doesNotContainKey("pendingTier");
    }

    @Test
    void each_applied_downgrade_is_counted_once_as_an_emf_metric_for_its_workspace() throws Exception {
        Instant effectiveAt = null;
        for (String ws : List.of("ws-count-a", "ws-count-b")) {
            aws.workspaces().createWorkspace(ws, ws, "team", 10);
            User admin = aws.workspaces().addUser(ws, "usr_" + ws, "admin@" + ws + ".test", "Admin", "admin", null, PASSWORD);
            var scheduled = plans.call("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin.subject());
            assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
            effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());
        }
        clock.set(effectiveAt.plusSeconds(60));

        List<JsonNode> first = metricLines(() -> schedule.fire());
        List<JsonNode> again = metricLines(() -> schedule.fire());

        assertThat(first).allSatisfy(line -> {
            assertThat(line.path("DowngradesApplied").asInt()).isEqualTo(1);
            assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Name").asText())
                    .isEqualTo("DowngradesApplied");
        }).extracting(line -> line.path("workspaceId").asText()).containsExactlyInAnyOrder("ws-count-a", "ws-count-b");
        assertThat(again).as("nothing applied the second time, nothing counted").isEmpty();
    }

    /** The EMF lines (those with an _aws directive) the handler printed while {@code run} ran; every line must be JSON. */
    private static List<JsonNode> metricLines(Runnable run) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> metrics = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode parsed = new ObjectMapper().readTree(line);
            if (parsed.has("_aws")) {
                metrics.add(parsed);
            }
        }
        return metrics;
    }
}
