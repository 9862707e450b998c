package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * While a downgrade is pending the subscription still shows the higher tier, so a refused
 * invitation must not say "upgrade the plan": it names the pending downgrade, its date, and that
 * cancelling it gives the seats back.
 */
@ExtendWith(LocalAwsExtension.class)
class SeatsDuringADowngradeThroughLambdaTest {

    static final String WS = "ws-lowered";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        admin = TestWorkspace.on(aws, WS).name("Lowered").tier("team").seatLimit(10)
                .user("usr_admin", "admin@lowered.test", "Admin", "admin")
                .members(4)
                .build().user("usr_admin");
        // What POST /v1/billing/plan-changes {"tier":"starter"} leaves on the workspace item (DynamoPlanStore).
        Instant effectiveAt = Instant.parse(workspaceItem().get("periodEnd").s());
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName()).key(key())
                .updateExpression("SET pendingTier = :t, pendingEffectiveAt = :at, seatLimit = :limit")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("starter"),
                        ":at", AttributeValue.fromS(effectiveAt.toString()), ":limit", AttributeValue.fromN("5"))));
        api = lambda;
    }

    @Test
    void a_seat_refusal_during_a_pending_downgrade_names_it_and_the_way_back() {
        var refused = api.call("POST", "/v1/invitations", json("email", "late@out.test", "name", "Late", "role", "sales-rep"),
                admin.subject());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("/seats-exhausted");
        String detail = refused.json().path("detail").asText();
        assertThat(detail).contains("downgrade to starter is pending", workspaceItem().get("pendingEffectiveAt").s(),
                "cancel the pending downgrade").doesNotContain("upgrade the plan");
        assertThat(refused.json().path("pendingDowngrade").path("tier").asText()).isEqualTo("starter");
        assertThat(refused.json().path("seatsMissing").asInt()).isEqualTo(1);
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("#WORKSPACE"));
    }

    private static Map<String, AttributeValue> workspaceItem() {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(key())).item();
    }
}
