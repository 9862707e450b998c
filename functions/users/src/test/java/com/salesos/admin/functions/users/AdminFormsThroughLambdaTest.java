package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The users routes as the admin frontend drives them: a Save that sends the whole form, choosing
 * deals to reassign from a paged list, and refusals a person can act on.
 */
@ExtendWith(LocalAwsExtension.class)
class AdminFormsThroughLambdaTest {

    static final String WS = "ws-forms";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace.Builder forms = TestWorkspace.on(aws, WS).name("Forms Inc").tier("team").seatLimit(8)
                .team("team-east", "East")
                .user("usr_admin", "admin@forms.test", "Ada Admin", "admin")
                .user("usr_rep", "rep@forms.test", "Remy Rep", "sales-rep", "team-east")
                .user("usr_other", "other@forms.test", "Otto Other", "sales-rep");
        for (int i = 1; i <= 7; i++) {
            forms.deal("deal-r" + i, "usr_rep",
                    Map.of("name", "Rep deal " + i, "stage", "proposal", "amount", Integer.toString(i * 1000), "currency", "EUR"));
            forms.deal("deal-o" + i, "usr_other", Map.of("name", "Other deal " + i));
        }
        admin = forms.build().user("usr_admin");
        api = lambda;
    }

    @Test
    void saving_an_unchanged_form_answers_200_and_audits_nothing() {
        int auditBefore = auditEntries();

        var saved = api.call("PATCH", "/v1/users/usr_rep", json("role", "sales-rep", "teamId", "team-east"), admin.subject());

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(auditEntries()).isEqualTo(auditBefore);
    }

    @Test
    void saving_a_form_with_only_the_team_changed_audits_only_the_team() {
        var saved = api.call("PATCH", "/v1/users/usr_other", json("role", "Sales Rep", "teamId", "team-east"), admin.subject());

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode latest = api.call("GET", "/v1/audit-log?limit=1", null, admin.subject()).json().path("items").get(0);
        assertThat(latest.path("action").asText()).isEqualTo("user.changed");
        assertThat(latest.toString()).contains("team-east").doesNotContain("roleId");
        api.call("PATCH", "/v1/users/usr_other", json("teamId", ""), admin.subject());
    }

    @Test
    void a_users_deals_are_listed_page_by_page_with_name_stage_and_amount() {
        List<JsonNode> deals = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.call("GET", "/v1/users/usr_rep/deals?limit=3" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)), null, admin.subject());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(deals::add);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(3);
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(deals).extracting(d -> d.path("id").asText())
                .containsExactlyInAnyOrder("deal-r1", "deal-r2", "deal-r3", "deal-r4", "deal-r5", "deal-r6", "deal-r7");
        JsonNode first = deals.stream().filter(d -> d.path("id").asText().equals("deal-r2")).findFirst().orElseThrow();
        assertThat(first.path("name").asText()).isEqualTo("Rep deal 2");
        assertThat(first.path("stage").asText()).isEqualTo("proposal");
        assertThat(first.path("amount").path("amount").asLong()).isEqualTo(2000);
        assertThat(first.path("amount").path("currency").asText()).isEqualTo("EUR");
        assertThat(api.call("GET", "/v1/users/usr_nobody/deals", null, admin.subject()).status()).isEqualTo(404);
    }

    @Test
    void refusals_say_what_to_do() {
        var noTarget = api.call("POST", "/v1/users/usr_rep/reassign-deals", "{}", admin.subject());
        assertThat(noTarget.status()).isEqualTo(422);
        assertThat(noTarget.json().path("errors").get(0).path("message").asText()).isEqualTo("is required");

        String role = api.call("POST", "/v1/roles", json("name", "Closer", "permissions", List.of("data.export")),
                admin.subject()).json().path("id").asText();
        api.call("PATCH", "/v1/users/usr_other", json("role", role), admin.subject());
        var inUse = api.call("DELETE", "/v1/roles/" + role, null, admin.subject());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().path("detail").asText()).contains("held by 1 user or pending invitation;");
        api.call("PATCH", "/v1/users/usr_other", json("role", "sales-rep"), admin.subject());
    }

    private static int auditEntries() {
        return api.call("GET", "/v1/audit-log?limit=200", null, admin.subject()).json().path("items").size();
    }
}
