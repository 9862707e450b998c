package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.AtOnce;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrent edits of one custom badge: each is written only if the badge is still as its request
 * read it, so none silently undoes another (409 badge-changed instead), and of concurrent deletes
 * one deletes and the others find it gone (404), never a 500.
 */
@ExtendWith(LocalAwsExtension.class)
class BadgeEditsThroughLambdaTest {

    @Test
    void concurrent_edits_never_undo_each_other_and_concurrent_deletes_answer_404(LocalAws aws, LambdaApi api) throws Exception {
        User admin = TestWorkspace.on(aws, "ws-badge-edits").tier("enterprise").seatLimit(5).admin().build().admin();
        String id = api.call("POST", "/v1/gamification/badges", BadgesThroughLambdaTest.callsBadge("Caller", 5, 0), admin.subject())
                .json().path("id").asText();

        List<LambdaApi.Response> edits = AtOnce.run(8, i -> () ->
                api.call("PATCH", "/v1/gamification/badges/" + id, json("name", "Edit " + i), admin.subject()));
        List<String> applied = new ArrayList<>();
        for (LambdaApi.Response edit : edits) {
            if (edit.status() == 200) {
                applied.add(edit.json().path("name").asText());
            } else {
                assertThat(edit.status()).as(edit.body()).isEqualTo(409);
                assertThat(edit.json().path("type").asText()).endsWith("/badge-changed");
            }
        }
        assertThat(applied).isNotEmpty();
        String stored = api.call("GET", "/v1/gamification/badges/" + id, null, admin.subject()).json().path("name").asText();
        assertThat(applied).contains(stored);

        List<LambdaApi.Response> deletes = AtOnce.run(4, i -> () ->
                api.call("DELETE", "/v1/gamification/badges/" + id, null, admin.subject()));
        assertThat(deletes).extracting(LambdaApi.Response::status).containsOnly(204, 404).containsOnlyOnce(204);
        assertThat(api.call("GET", "/v1/gamification/badges/" + id, null, admin.subject()).status()).isEqualTo(404);
    }
}
