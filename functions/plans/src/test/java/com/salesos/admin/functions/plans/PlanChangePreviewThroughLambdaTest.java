package com.salesos.admin.functions.plans;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** "Review the changes, and confirm": the preview shows what a change would do and commits nothing. */
@ExtendWith(LocalAwsExtension.class)
class PlanChangePreviewThroughLambdaTest {

    static LocalAws aws;
    static MovableClock clock;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock, @OnMovableClock LambdaApi lambda) {
        aws = localAws;
        clock = movableClock;
        api = lambda;
        admin = TestWorkspace.on(aws, "ws-preview").name("Preview").tier("team").seatLimit(10)
                .user("usr_admin", "admin@preview.test", "Admin", "admin")
                .members(6)
                .build().user("usr_admin");
    }

    @Test
    void an_upgrade_preview_shows_the_charge_the_upgrade_then_makes_and_commits_nothing() {
        clock.set(periodStart().plus(Duration.ofDays(9)).plusSeconds(77));
        String workspaceBefore = workspaceItem().toString();

        var preview = api.call("GET", "/v1/billing/plan-changes/preview?tier=business", null, admin.subject());

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.path("kind").asText()).isEqualTo("upgrade");
        assertThat(body.path("seatLimit").asLong()).isEqualTo(50);
        assertThat(body.path("seatsToFree").asLong()).isZero();
        assertThat(workspaceItem().toString()).isEqualTo(workspaceBefore);
        assertThat(api.call("GET", "/v1/billing/charges", null, admin.subject()).json().path("items")).isEmpty();

        var upgraded = api.call("POST", "/v1/billing/plan-changes", json("tier", "business"), admin.subject());
        assertThat(upgraded.json().path("charge").path("amount")).isEqualTo(body.path("charge"));
    }

    @Test
    void a_downgrade_preview_shows_the_date_and_the_seats_to_free() {
        var preview = api.call("GET", "/v1/billing/plan-changes/preview?tier=starter", null, admin.subject());

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("kind").asText()).isEqualTo("downgrade");
        assertThat(preview.json().path("charge").isNull()).isTrue();
        assertThat(preview.json().path("seatsToFree").asLong()).isEqualTo(7 - 5);
        assertThat(Instant.parse(preview.json().path("effectiveAt").asText())).isAfter(clock.instant());
        assertThat(api.call("GET", "/v1/billing/subscription", null, admin.subject()).json().path("pendingChange").isNull()).isTrue();
    }

    @Test
    void a_preview_of_an_unknown_or_the_current_tier_is_refused() {
        assertThat(api.call("GET", "/v1/billing/plan-changes/preview?tier=platinum", null, admin.subject()).status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/billing/plan-changes/preview", null, admin.subject()).status()).isEqualTo(422);
        String current = api.call("GET", "/v1/billing/subscription", null, admin.subject()).json().path("tier").asText();
        assertThat(api.call("GET", "/v1/billing/plan-changes/preview?tier=" + current, null, admin.subject()).status()).isEqualTo(409);
    }

    private static Map<String, AttributeValue> workspaceItem() {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#ws-preview"), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
    }

    private static Instant periodStart() {
        return Instant.parse(workspaceItem().get("periodStart").s());
    }
}
