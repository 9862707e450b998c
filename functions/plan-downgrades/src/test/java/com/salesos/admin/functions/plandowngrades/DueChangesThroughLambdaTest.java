package com.salesos.admin.functions.plandowngrades;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.plans.DynamoPlanStore;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.plans.PlanStore;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scheduled handler against the due-changes index, with downgrades scheduled by the real store. */
class DueChangesThroughLambdaTest {

    static LocalAws aws;
    static DynamoPlanStore plans;
    static Plan starter;

    @BeforeAll
    static void setUp() throws IOException {
        aws = LocalAws.fresh();
        AtomicLong next = new AtomicLong();
        plans = new DynamoPlanStore(aws.dynamo(), aws.tableName(), new DynamoSeatLedger(aws.dynamo(), aws.tableName()),
                new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_" + next.incrementAndGet()));
        try (InputStream catalog = DueChangesThroughLambdaTest.class.getResourceAsStream("/plan-catalog.properties")) {
            starter = PlanCatalog.read(catalog).find("starter").orElseThrow();
        }
    }

    @Test
    void every_due_change_is_applied_in_one_run_not_only_the_first_hundred() {
        Instant due = Instant.parse("2031-03-01T00:00:00Z");
        List<String> workspaces = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            workspaces.add(scheduleDowngrade("ws-many-" + i, due));
        }

        Map<String, Object> run = runAt(due.plusSeconds(60));

        assertThat(applied(run)).containsAll(workspaces);
        workspaces.forEach(ws -> assertThat(workspaceItem(ws).get("tier").s()).as(ws).isEqualTo("starter"));
    }

    @Test
    void a_change_due_on_a_whole_second_is_applied_by_a_run_a_millisecond_later() {
        Instant due = Instant.parse("2030-01-01T00:00:00Z");
        String ws = scheduleDowngrade("ws-whole-second", due);

        Map<String, Object> run = runAt(due.plusMillis(1));

        assertThat(applied(run)).contains(ws);
        assertThat(workspaceItem(ws).get("tier").s()).isEqualTo("starter");
    }

    private static String scheduleDowngrade(String ws, Instant effectiveAt) {
        aws.workspaces().createWorkspace(ws, ws, "team", 10);
        var audit = new AuditEvent(ws, "usr_admin", "plan.downgrade_scheduled", "subscription", ws, effectiveAt.minusSeconds(86_400),
                Map.of(), Map.of());
        assertThat(plans.scheduleDowngrade(plans.subscription(ws), starter, starter.seatLimit(), effectiveAt, audit)).isInstanceOf(PlanStore.Outcome.Done.class);
        return ws;
    }

    private static Map<String, Object> runAt(Instant now) {
        try (PlanDowngradesHandler handler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(new MovableClock(now)))) {
            return handler.handleRequest(Map.of("job", "plan-downgrades"), new MockLambdaContext());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> applied(Map<String, Object> run) {
        return (List<String>) run.get("applied");
    }

    private static Map<String, AttributeValue> workspaceItem(String ws) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
    }
}
