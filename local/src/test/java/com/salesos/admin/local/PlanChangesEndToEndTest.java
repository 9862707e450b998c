package com.salesos.admin.local;

import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static com.salesos.admin.local.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.functions.plandowngrades.PlanDowngradesHandler;
import com.salesos.admin.seats.Seats;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Downgrades across functions: racing invitations over HTTP, then applied by the scheduled handler. */
@ExtendWith(LocalAwsExtension.class)
class PlanChangesEndToEndTest {

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_downgrade_racing_invitations_never_leaves_seats_above_the_new_limit() throws Exception {
        aws.workspaces().createWorkspace("ws-race", "Race", "team", 10);
        aws.workspaces().addUser("ws-race", "usr_race_admin", "admin@race.test", "Admin", "admin", null, PASSWORD);
        aws.workspaces().addUser("ws-race", "usr_race_1", "one@race.test", "One", "sales-rep", null, PASSWORD);
        aws.workspaces().addUser("ws-race", "usr_race_2", "two@race.test", "Two", "sales-rep", null, PASSWORD);
        String admin = aws.signIn().accessToken("admin@race.test", PASSWORD);

        ExecutorService pool = Executors.newFixedThreadPool(9);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpApi.Response>> invitations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = json("email", "racer" + i + "@race.test", "name", "Racer", "role", "sales-rep");
            invitations.add(pool.submit(() -> {
                go.await();
                return api.send("POST", "/v1/invitations", body, admin);
            }));
        }
        Future<HttpApi.Response> downgrade = pool.submit(() -> {
            go.await();
            return api.send("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin);
        });
        go.countDown();
        int invited = 0;
        for (Future<HttpApi.Response> invitation : invitations) {
            invited += invitation.get().status() == 201 ? 1 : 0;
        }
        int downgradeStatus = downgrade.get().status();
        pool.shutdown();

        Seats seats = new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read("ws-race");
        assertThat(downgradeStatus).isIn(202, 409);
        assertThat(seats.used()).isEqualTo(3 + invited);
        if (downgradeStatus == 202) {
            assertThat(seats.used()).isLessThanOrEqualTo(5);
            assertThat(seats.limit()).isEqualTo(5);
        } else {
            assertThat(seats.used()).isGreaterThan(5);
            assertThat(seats.limit()).isEqualTo(10);
        }
    }

    @Test
    void the_scheduled_handler_applies_a_due_downgrade_once_however_often_it_runs(MovableClock clock) {
        aws.workspaces().createWorkspace("ws-sched", "Sched", "team", 10);
        aws.workspaces().addUser("ws-sched", "usr_sched_admin", "admin@sched.test", "Admin", "admin", null, PASSWORD);
        String admin = aws.signIn().accessToken("admin@sched.test", PASSWORD);
        var scheduled = api.send("POST", "/v1/billing/plan-changes", json("tier", "starter"), admin);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(202);
        Instant effectiveAt = Instant.parse(scheduled.json().path("effectiveAt").asText());

        clock.set(effectiveAt.minusSeconds(60));
        PlanDowngradesHandler handler = new PlanDowngradesHandler(new LambdaApplicationContextBuilder().singletons(clock));
        Map<String, Object> early = handler.handleRequest(Map.of("job", "plan-downgrades"), new MockLambdaContext());
        assertThat((List<?>) early.get("applied")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        Map<String, Object> first = handler.handleRequest(Map.of("job", "plan-downgrades"), new MockLambdaContext());
        Map<String, Object> second = handler.handleRequest(Map.of("job", "plan-downgrades"), new MockLambdaContext());
        handler.close();

        assertThat(first.get("applied")).isEqualTo(List.of("ws-sched"));
        assertThat((List<?>) second.get("applied")).isEmpty();
        Map<String, AttributeValue> item = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#ws-sched"), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
        assertThat(item.get("tier").s()).isEqualTo("starter");
        assertThat(item.get("planSeatLimit").n()).isEqualTo("5");
        assertThat(Instant.parse(item.get("periodStart").s())).isEqualTo(effectiveAt);
        assertThat(item).doesNotContainKey("pendingTier");
        long applied = 0;
        for (var entry : api.send("GET", "/v1/audit-log?limit=200", null, admin).json().path("items")) {
            applied += entry.path("action").asText().equals("plan.downgraded") ? 1 : 0;
        }
        assertThat(applied).isEqualTo(1);
        assertThat(api.send("GET", "/v1/billing/charges", null, admin).json().path("items")).isEmpty();
    }
}
