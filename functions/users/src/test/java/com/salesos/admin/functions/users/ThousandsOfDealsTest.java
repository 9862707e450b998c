package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.users.ReassignmentWakeUps;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.DealReassignments;
import com.salesos.admin.users.ReassignmentRef;
import com.salesos.admin.users.User;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Moving all of a user's deals: up to a thousand within the request (several owner-index pages and
 * a dozen transactions, with an exact count and audit), more as a background job that answers 202
 * with its id and an estimate. The job's run is the reassignment worker's (its module's tests).
 * In a table of its own, because moto copies the whole table for every transaction.
 */
@ExtendWith(LocalAwsExtension.class)
class ThousandsOfDealsTest {

    static final String WS = "ws-big";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static TestWorkspace workspace;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        workspace = TestWorkspace.on(aws, WS).name("Big Deals").tier("team").seatLimit(8)
                .user("usr_admin", "admin@big.test", "Admin", "admin")
                .user("usr_from", "from@big.test", "From", "sales-rep")
                .user("usr_many", "many@big.test", "Many", "sales-rep")
                .user("usr_to", "to@big.test", "To", "sales-rep")
                .user("usr_manager", "manager@big.test", "Manager", "manager")
                .build();
        admin = workspace.user("usr_admin");
        DealFixtures.seed(aws, WS, "big", DealReassignments.AT_ONCE, "usr_from");
        DealFixtures.seed(aws, WS, "many", DealReassignments.AT_ONCE + 1, "usr_many");
        api = lambda;
    }

    @Test
    void a_thousand_deals_move_within_the_request_with_an_exact_count_and_audit() {
        var moved = api.call("POST", "/v1/users/usr_from/reassign-deals", json("toUserId", "usr_to"), admin.subject());

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("moved").asInt()).isEqualTo(DealReassignments.AT_ONCE);
        assertThat(moved.json().path("movedDealIds")).hasSize(DealReassignments.AT_ONCE);
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_from", "big-")).isZero();
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_to", "big-")).isEqualTo(DealReassignments.AT_ONCE);
        int audited = 0;
        for (var entry : api.call("GET", "/v1/audit-log?limit=50", null, admin.subject()).json().path("items")) {
            if (entry.path("action").asText().equals("user.deals-reassigned")) {
                audited += entry.path("after").path("count").asInt();
            }
        }
        assertThat(audited).isEqualTo(DealReassignments.AT_ONCE);
    }

    @Test
    void more_than_a_thousand_start_a_background_job_followed_by_its_location() {
        var started = api.call("POST", "/v1/users/usr_many/reassign-deals", json("toUserId", "usr_to"), admin.subject());

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asText();
        assertThat(started.header("Location")).isEqualTo("/v1/deal-reassignments/" + id);
        assertThat(started.json().path("status").asText()).isEqualTo("queued");
        assertThat(started.json().path("estimatedDeals").asLong()).isEqualTo(DealReassignments.AT_ONCE + 1);
        assertThat(started.json().path("estimateCapped").asBoolean()).isFalse();
        assertThat(started.json().path("moved").asLong()).isZero();
        assertThat(started.json().has("movedDealIds")).as("a job answers a count, never every id").isFalse();
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_many", "many-")).isEqualTo(DealReassignments.AT_ONCE + 1);
        List<Message> wakeUps = aws.clients().sqs().receiveMessage(r -> r.queueUrl(aws.stack().physicalId("ReassignmentQueue"))
                .maxNumberOfMessages(10)).messages();
        assertThat(wakeUps).extracting(m -> ReassignmentWakeUps.parse(m.body()).orElseThrow())
                .containsExactly(new ReassignmentRef(WS, id));

        var followed = api.call("GET", started.header("Location"), null, admin.subject());
        assertThat(followed.status()).as(followed.body()).isEqualTo(200);
        assertThat(followed.json().path("requestedBy").asText()).isEqualTo("usr_admin");
        assertThat(followed.json().path("fromUserId").asText()).isEqualTo("usr_many");

        var again = api.call("POST", "/v1/users/usr_many/reassign-deals", json("toUserId", "usr_admin"), admin.subject());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("/reassignment-in-progress");
        assertThat(again.json().path("activeReassignmentId").asText()).isEqualTo(id);

        var notTheirs = api.call("GET", started.header("Location"), null, workspace.user("usr_manager").subject());
        assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(403);
        assertThat(notTheirs.json().path("type").asText()).endsWith("/permission-missing");
        assertThat(api.call("GET", "/v1/deal-reassignments/dra_nothing", null, admin.subject()).status()).isEqualTo(404);
    }
}
