package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log answers what changed as JSON values (a map is an object, a version a number),
 * never as Java's toString, and a cancelled downgrade reads as a cancellation, not as a change to
 * the lower tier.
 */
@ExtendWith(LocalAwsExtension.class)
class AuditValuesEndToEndTest {

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static String admin;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        TestWorkspace audit = TestWorkspace.on(aws, "ws-audit").name("Audit").tier("team").seatLimit(10)
                .user("usr_admin", "admin@audit.test", "Admin", "admin")
                .build();
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());
        admin = audit.accessToken("usr_admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_point_settings_change_is_audited_as_json_values() {
        var current = api.send("GET", "/v1/gamification/point-settings", null, admin);
        JsonNode settings = current.json();
        Map<String, Object> points = new java.util.LinkedHashMap<>();
        settings.path("pointsByActivityType").fields().forEachRemaining(e -> points.put(e.getKey(), e.getValue().asInt()));
        points.put("LEAD_CREATED", 30);
        var saved = api.send("PUT", "/v1/gamification/point-settings",
                HttpApi.json("pointsByActivityType", points, "valueBonusMultiplier", 1.5), admin,
                "If-Match", current.raw().headers().firstValue("ETag").orElseThrow());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        JsonNode entry = latest("point-settings.changed");
        assertThat(entry.path("after").path("pointsByActivityType").isObject()).isTrue();
        assertThat(entry.path("after").path("pointsByActivityType").path("LEAD_CREATED").asInt()).isEqualTo(30);
        assertThat(entry.path("after").path("version").isNumber()).isTrue();
        assertThat(entry.path("before").path("version").asInt()).isEqualTo(settings.path("version").asInt());
        assertThat(entry.toString()).doesNotContain("LEAD_CREATED=");
    }

    @Test
    void a_cancelled_downgrade_is_audited_as_a_cancellation() {
        assertThat(api.send("POST", "/v1/billing/plan-changes", HttpApi.json("tier", "starter"), admin).status()).isEqualTo(202);
        assertThat(api.send("DELETE", "/v1/billing/plan-changes/pending", null, admin).status()).isEqualTo(204);

        JsonNode entry = latest("plan.downgrade-cancelled");
        assertThat(entry.path("before").path("tier").asText()).isEqualTo("team");
        assertThat(entry.path("after").path("tier").asText()).isEqualTo("team");
        assertThat(entry.path("before").path("pendingChange").path("tier").asText()).isEqualTo("starter");
        assertThat(entry.path("after").path("pendingChange").asText()).isEqualTo("none");
    }

    private static JsonNode latest(String action) {
        for (JsonNode entry : api.send("GET", "/v1/audit-log?limit=50", null, admin).json().path("items")) {
            if (entry.path("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("No audit entry " + action);
    }
}
