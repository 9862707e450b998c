package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Bodies bind strictly (wrong JSON type, null in a list, unknown field, trailing data: 422 naming
 * each field), strings and bodies are bounded, path ids are checked before any AWS call, and a
 * creating POST replays on a retried Idempotency-Key. Nothing is written by a refused request.
 */
@ExtendWith(LocalAwsExtension.class)
class StrictInputThroughLambdaTest {

    static final String WS = "ws-strict";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static User rep;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace strict = TestWorkspace.on(aws, WS).name("Strict Inc").tier("team").seatLimit(8)
                .user("usr_admin", "admin@strict.test", "Ada Admin", "admin")
                .user("usr_rep", "rep@strict.test", "Remy Rep", "sales-rep")
                .build();
        admin = strict.user("usr_admin");
        rep = strict.user("usr_rep");
        api = lambda;
    }

    @Test
    void a_role_given_as_a_list_is_refused_and_does_not_promote() {
        int before = itemCount();
        var refused = api.call("PATCH", "/v1/users/usr_rep", "{\"role\":[\"admin\"]}", admin.subject());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("role");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).isEqualTo("must be a string");
        assertThat(refused.body()).doesNotContain("Forms$", "com.salesos");
        assertThat(roleOfRep()).isEqualTo("sales-rep");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void every_bad_field_is_named_by_its_json_path() {
        var refused = api.call("POST", "/v1/users/usr_rep/reassign-deals",
                "{\"toUserId\":5,\"dealIds\":[\"d-1\",null,7],\"colour\":\"red\"}", admin.subject());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("toUserId", "dealIds[1]", "dealIds[2]", "colour");
    }

    @Test
    void numbers_as_names_trailing_data_and_non_objects_are_refused() {
        int before = itemCount();
        for (String body : List.of("{\"name\":123,\"permissions\":[\"data.export\"]}",
                "{\"name\":\"Lead\",\"permissions\":[\"data.export\"]} {}",
                "{\"name\":\"Lead\",\"permissions\":[\"data.export\"]}garbage",
                "[\"Lead\"]", "\"Lead\"", "", "{\"name\":\"Lead\",\"name\":\"Twice\",\"permissions\":[\"data.export\"]}",
                "{\"name\":\"Lead\",\"permissions\":\"data.export\"}", "{\"name\":\"Lead\",\"permissions\":[true]}")) {
            var refused = api.call("POST", "/v1/roles", body, admin.subject());
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void oversized_strings_and_ids_are_refused_before_any_write() {
        int before = itemCount();
        var longId = api.call("POST", "/v1/users/usr_rep/reassign-deals",
                json("toUserId", "usr_admin", "dealIds", List.of("d".repeat(300_000))), admin.subject());
        assertThat(longId.status()).as(longId.body()).isEqualTo(422);
        assertThat(longId.json().path("errors").get(0).path("field").asText()).isEqualTo("dealIds[0]");

        var tooLarge = api.call("POST", "/v1/users/usr_rep/reassign-deals",
                json("toUserId", "usr_admin", "dealIds", List.of("d".repeat(1_100_000))), admin.subject());
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().path("limitBytes").asInt()).isEqualTo(1024 * 1024);

        var badPathId = api.call("GET", "/v1/users/" + "u".repeat(450), null, admin.subject());
        assertThat(badPathId.status()).isEqualTo(404);
        assertThat(badPathId.header("Content-Type")).startsWith("application/problem+json");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void a_retried_role_creation_answers_the_same_role_and_creates_one() {
        Map<String, String> key = Map.of("Idempotency-Key", "role-create-1");
        String body = json("name", "Auditor", "permissions", List.of("audit.read"));

        var first = api.call("POST", "/v1/roles", body, admin.subject(), key);
        var retry = api.call("POST", "/v1/roles", body, admin.subject(), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.call("GET", "/v1/roles", null, admin.subject()).json().path("items").findValuesAsText("name")
                .stream().filter("Auditor"::equals).count()).isEqualTo(1);

        var reused = api.call("POST", "/v1/roles", json("name", "Other", "permissions", List.of("audit.read")),
                admin.subject(), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asText()).endsWith("/idempotency-key-reused");
    }

    private static String roleOfRep() {
        return api.call("GET", "/v1/users/usr_rep", null, admin.subject()).json().path("role").path("id").asText();
    }

    private static int itemCount() {
        return aws.dynamo().scanPaginator(ScanRequest.builder().tableName(aws.tableName()).build())
                .items().stream().mapToInt(i -> 1).sum();
    }
}
