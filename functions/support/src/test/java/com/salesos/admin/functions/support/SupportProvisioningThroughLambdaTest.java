package com.salesos.admin.functions.support;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.audit.DynamoAuditTrail;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Support provisions and lists workspaces through the real handler, against the emulated table, pool and mail. */
class SupportProvisioningThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static LambdaApi api;
    static SentEmails emails;
    static String staff;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        api = new LambdaApi(new MovableClock(Instant.now()));
        emails = new SentEmails(MotoServer.shared());
        staff = aws.openSupportAccount("staff@salesos.test", PASSWORD);
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    static String provisionBody(String name, String adminEmail, Long seatLimit) {
        return json("name", name, "tier", "team", "seatLimit", seatLimit,
                "admin", Map.of("email", adminEmail, "name", "First Admin"), "ticket", "SUP-4711");
    }

    @Test
    void support_provisions_a_workspace_whose_first_admin_is_invited_by_email_taking_one_seat() {
        var created = api.callAsSupport(staff, "POST", "/v1/support/workspaces",
                json("name", "Globex Sales", "tier", "business", "admin", Map.of("email", "Hank@Globex.test", "name", "Hank"),
                        "ticket", "SUP-1"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/support/workspaces/" + id);
        assertThat(created.json().path("name").asText()).isEqualTo("Globex Sales");
        assertThat(created.json().path("tier").asText()).isEqualTo("business");
        assertThat(created.json().path("seatLimit").asLong()).as("the tier's limit when none is given").isEqualTo(50);
        assertThat(created.json().path("state").asText()).isEqualTo("active");
        assertThat(created.json().path("adminInvitation").path("email").asText()).isEqualTo("hank@globex.test");
        assertThat(created.json().path("adminInvitation").path("delivery").asText()).isEqualTo("sent");
        assertThat(created.body()).doesNotContain("token");

        assertThat(emails.latestInvitationToken("hank@globex.test")).isNotBlank();
        Seats seats = new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(id);
        assertThat(seats.limit()).isEqualTo(50);
        assertThat(seats.pending()).isEqualTo(1);
        assertThat(seats.active()).isZero();
    }

    @Test
    void provisioning_is_audited_with_the_staff_member_and_the_ticket() {
        var created = api.callAsSupport(staff, "POST", "/v1/support/workspaces",
                provisionBody("Audited Co", "boss@audited.test", 3L));
        String id = created.json().path("id").asText();

        var entries = new DynamoAuditTrail(aws.dynamo(), aws.tableName()).newestFirst(id, PageRequest.of(50, null)).items();
        var provisioned = entries.stream().filter(e -> e.event().action().equals("workspace.provisioned")).findFirst().orElseThrow();
        assertThat(provisioned.event().actorUserId()).isEqualTo("support:" + staff);
        assertThat(Map.<String, Object>copyOf(provisioned.event().after())).containsEntry("ticket", "SUP-4711").containsEntry("name", "Audited Co")
                .containsEntry("tier", "team");
        var invited = entries.stream().filter(e -> e.event().action().equals("invitation.created")).findFirst().orElseThrow();
        assertThat(invited.event().actorUserId()).isEqualTo("support:" + staff);
        assertThat(Map.<String, Object>copyOf(invited.event().after())).containsEntry("roleId", "admin");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_same_workspace_and_sends_no_second_email() {
        Map<String, String> key = Map.of("Idempotency-Key", "ticket-77");
        var first = api.callAsSupport(staff, "POST", "/v1/support/workspaces", provisionBody("Once Inc", "one@once.test", null), key);
        var again = api.callAsSupport(staff, "POST", "/v1/support/workspaces", provisionBody("Once Inc", "one@once.test", null), key);
        var other = api.callAsSupport(staff, "POST", "/v1/support/workspaces", provisionBody("Twice Inc", "one@once.test", null), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(emails.to("one@once.test")).hasSize(1);
        assertThat(other.status()).as("the key reused for another request").isEqualTo(422);
        assertThat(other.json().path("type").asText()).endsWith("idempotency-key-reused");
    }

    @Test
    void bad_input_names_every_field_at_fault_and_creates_nothing() {
        int before = listedNames().size();
        var refused = api.callAsSupport(staff, "POST", "/v1/support/workspaces",
                json("name", " ", "tier", "platinum", "seatLimit", 0, "admin", Map.of("email", "nope"), "ticket", ""));

        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = refused.json().path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("name", "tier", "seatLimit", "admin.email", "admin.name", "ticket");
        assertThat(listedNames()).hasSize(before);
    }

    @Test
    void support_lists_every_workspace_with_its_tier_and_state_page_by_page() {
        api.callAsSupport(staff, "POST", "/v1/support/workspaces", provisionBody("Listed One", "a@listed.test", null));
        api.callAsSupport(staff, "POST", "/v1/support/workspaces", provisionBody("Listed Two", "b@listed.test", null));
        aws.workspaces().createWorkspace("ws-seeded", "Seeded", "starter", 5);

        List<String> names = listedNames();
        assertThat(names).contains("Listed One", "Listed Two", "Seeded");
        var first = api.callAsSupport(staff, "GET", "/v1/support/workspaces?limit=1", null);
        assertThat(first.json().path("items")).hasSize(1);
        assertThat(first.json().path("items").get(0).path("state").asText()).isEqualTo("active");
        assertThat(first.json().path("nextCursor").asText()).isNotBlank();
    }

    @Test
    void a_workspace_admin_is_refused_on_support_routes_whatever_their_role() {
        aws.workspaces().createWorkspace("ws-cust", "Customer", "team", 10);
        var admin = aws.workspaces().addUser("ws-cust", "usr_cust_admin", "admin@cust.test", "Admin", "admin", null, PASSWORD);

        var provision = api.call("POST", "/v1/support/workspaces", provisionBody("Sneaky", "x@sneaky.test", null), admin.subject());
        var list = api.call("GET", "/v1/support/workspaces", null, admin.subject());

        assertThat(provision.status()).isEqualTo(403);
        assertThat(provision.json().path("type").asText()).endsWith("support-identity-required");
        assertThat(list.status()).isEqualTo(403);
        assertThat(listedNames()).doesNotContain("Sneaky");
    }

    static List<String> listedNames() {
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = api.callAsSupport(staff, "GET", "/v1/support/workspaces?limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(item -> names.add(item.path("name").asText()));
            cursor = page.json().path("nextCursor").isTextual() ? page.json().path("nextCursor").asText() : null;
        } while (cursor != null);
        return names;
    }
}
