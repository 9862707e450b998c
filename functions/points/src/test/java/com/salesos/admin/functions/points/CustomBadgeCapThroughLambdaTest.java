package com.salesos.admin.functions.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.badges.BadgeService;
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
 * A workspace has at most {@link BadgeService#MAX_CUSTOM_BADGES} custom badges (every activity
 * evaluates them and signs what it awards), also when the last ones are created at the same time:
 * the count moves in the creating transaction. Deleting a badge gives its place back.
 */
@ExtendWith(LocalAwsExtension.class)
class CustomBadgeCapThroughLambdaTest {

    @Test
    void concurrent_creations_at_the_cap_create_only_what_fits(LocalAws aws, LambdaApi api) throws Exception {
        User admin = TestWorkspace.on(aws, "ws-badge-cap").tier("enterprise").seatLimit(5).admin().build().admin();
        int room = 3;
        for (int i = 0; i < BadgeService.MAX_CUSTOM_BADGES - room; i++) {
            assertThat(api.call("POST", "/v1/gamification/badges", badge("Filler " + i), admin.subject()).status()).isEqualTo(201);
        }

        int created = 0;
        for (LambdaApi.Response response : AtOnce.run(8, i -> () ->
                api.call("POST", "/v1/gamification/badges", badge("Racer " + i), admin.subject()))) {
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
                assertThat(response.json().path("type").asText()).endsWith("/badge-limit");
            }
        }

        assertThat(created).isEqualTo(room);
        List<String> custom = customBadges(api, admin);
        assertThat(custom).hasSize(BadgeService.MAX_CUSTOM_BADGES);

        assertThat(api.call("DELETE", "/v1/gamification/badges/" + custom.get(0), null, admin.subject()).status()).isEqualTo(204);
        assertThat(api.call("POST", "/v1/gamification/badges", badge("After a delete"), admin.subject()).status()).isEqualTo(201);
        assertThat(api.call("POST", "/v1/gamification/badges", badge("One too many"), admin.subject()).status()).isEqualTo(409);
    }

    private static String badge(String name) {
        return BadgesThroughLambdaTest.callsBadge(name, 500, 0);
    }

    /** Every custom badge, page by page (limit 40: three pages here). */
    private static List<String> customBadges(LambdaApi api, User admin) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.call("GET", "/v1/gamification/badges?limit=40" + (cursor == null ? "" : "&cursor=" + cursor), null,
                    admin.subject());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(40);
            page.json().path("items").findValuesAsText("id").stream().filter(id -> id.startsWith("badge_")).forEach(ids::add);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }
}
