package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.access.RoleService;
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
 * A workspace has at most {@link RoleService#MAX_CUSTOM_ROLES} custom roles, also when the last
 * ones are created at the same time: the count moves in the creating transaction, so requests that
 * all saw room cannot all take it. Deleting a role gives its place back.
 */
@ExtendWith(LocalAwsExtension.class)
class CustomRoleCapThroughLambdaTest {

    @Test
    void concurrent_creations_at_the_cap_create_only_what_fits(LocalAws aws, LambdaApi api) throws Exception {
        User admin = TestWorkspace.on(aws, "ws-role-cap").tier("team").seatLimit(5).admin().build().admin();
        int room = 3;
        for (int i = 0; i < RoleService.MAX_CUSTOM_ROLES - room; i++) {
            assertThat(api.call("POST", "/v1/roles", role("Filler " + i), admin.subject()).status()).isEqualTo(201);
        }

        int created = 0;
        for (LambdaApi.Response response : AtOnce.run(8, i -> () ->
                api.call("POST", "/v1/roles", role("Racer " + i), admin.subject()))) {
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
                assertThat(response.json().path("type").asText()).endsWith("/role-limit");
            }
        }

        assertThat(created).isEqualTo(room);
        assertThat(customRoles(api, admin)).hasSize(RoleService.MAX_CUSTOM_ROLES);

        String someRole = customRoles(api, admin).get(0);
        assertThat(api.call("DELETE", "/v1/roles/" + someRole, null, admin.subject()).status()).isEqualTo(204);
        assertThat(api.call("POST", "/v1/roles", role("After a delete"), admin.subject()).status()).isEqualTo(201);
        assertThat(api.call("POST", "/v1/roles", role("One too many"), admin.subject()).status()).isEqualTo(409);
    }

    private static String role(String name) {
        return json("name", name, "permissions", List.of("data.export"));
    }

    /** Every custom role, page by page as API.md pages lists (default 50, so three pages here). */
    private static List<String> customRoles(LambdaApi api, User admin) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.call("GET", "/v1/roles" + (cursor == null ? "" : "?cursor=" + cursor), null, admin.subject());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(50);
            page.json().path("items").forEach(r -> {
                if (!r.path("builtIn").asBoolean()) {
                    ids.add(r.path("id").asText());
                }
            });
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isGreaterThan(1);
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }
}
