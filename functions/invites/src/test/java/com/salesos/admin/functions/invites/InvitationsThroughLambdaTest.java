package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The invitation flow through the real Lambda handler class against the emulated AWS account. */
@ExtendWith(LocalAwsExtension.class)
class InvitationsThroughLambdaTest {

    static LocalAws aws;
    static LambdaApi api;
    static SentEmails emails;
    static User admin;
    static User manager;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda, SentEmails sent) {
        aws = localAws;
        api = lambda;
        emails = sent;
        TestWorkspace acme = TestWorkspace.on(aws, "ws-acme").name("Acme").tier("team").seatLimit(10)
                .team("team-east", "East")
                .user("usr_admin", "admin@acme.test", "Ada Admin", "admin")
                .user("usr_manager", "manager@acme.test", "Max Manager", "manager", "team-east")
                .build();
        admin = acme.user("usr_admin");
        manager = acme.user("usr_manager");
    }

    @Test
    void an_admin_invites_and_the_invitee_accepts_with_the_emailed_link() {
        var created = api.call("POST", "/v1/invitations",
                json("email", "  Nina@Example.COM ", "name", "Nina New", "role", "Sales Rep", "teamId", "team-east"),
                admin.subject());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode invitation = created.json();
        assertThat(invitation.path("email").asText()).isEqualTo("nina@example.com");
        assertThat(invitation.path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(invitation.path("role").path("name").asText()).isEqualTo("Sales Rep");
        assertThat(invitation.path("status").asText()).isEqualTo("pending");
        assertThat(invitation.path("delivery").asText()).isEqualTo("sent");
        assertThat(created.body()).doesNotContain("token");

        String token = emails.latestInvitationToken("nina@example.com");
        var accepted = api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("email").asText()).isEqualTo("nina@example.com");
        assertThat(accepted.json().path("role").path("id").asText()).isEqualTo("sales-rep");
        assertThat(accepted.json().path("teamId").asText()).isEqualTo("team-east");
        assertThat(accepted.json().path("status").asText()).isEqualTo("active");
        assertThat(aws.signIn().accessToken("nina@example.com", PASSWORD)).isNotBlank();

        var again = api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void the_name_is_stored_on_one_line_and_no_typed_text_forms_a_link_in_the_email() {
        String name = "Nina\r\n\r\nYour account is locked, log in at http://evil.test/login or www.evil.test\u202E";
        var created = api.call("POST", "/v1/invitations", json("email", "links@example.com", "name", name, "role", "sales-rep"),
                admin.subject());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("name").asText())
                .isEqualTo("Nina Your account is locked, log in at http://evil.test/login or www.evil.test");
        SentEmails.Email email = emails.to("links@example.com").get(0);
        assertThat(email.body()).doesNotContain("Nina", "evil");
        assertThat(email.body()).containsOnlyOnce("://").containsOnlyOnce("/accept-invitation?token=");
        // Nothing but the accept link would be linked: no scheme, no www., no dotted domain or address.
        String rest = email.body().replaceAll("\\S+/accept-invitation\\?token=\\S+", "");
        assertThat(rest).doesNotContainPattern("(?i)www\\.|[a-z0-9-]\\.[a-z]{2,}");
        assertThat(rest).contains("admin@acme[.]test");
    }

    @Test
    void an_invite_and_revoke_loop_to_one_address_is_cut_off_at_its_limit_and_a_refused_invite_writes_nothing() {
        String to = "loop-target@outside.test";
        int created = 0;
        LambdaApi.Response refused = null;
        for (int i = 0; i < 25; i++) {
            var invite = api.call("POST", "/v1/invitations", json("email", to, "name", "Loop", "role", "sales-rep"), admin.subject());
            if (invite.status() == 201) {
                created++;
                assertThat(api.call("DELETE", "/v1/invitations/" + invite.json().path("id").asText(), null, admin.subject())
                        .status()).isEqualTo(204);
            } else {
                refused = invite;
            }
        }

        assertThat(created).isEqualTo(SendLimits.STANDARD.perAddress().sends());
        assertThat(emails.to(to)).hasSize(SendLimits.STANDARD.perAddress().sends());
        assertRateLimited(refused, SendLimits.STANDARD.perAddress());
        assertThat(listAll()).filteredOn(i -> i.path("email").asText().equals(to)).hasSize(created)
                .allMatch(i -> i.path("status").asText().equals("revoked"));
    }

    @Test
    void an_invitation_whose_link_item_is_gone_can_still_be_revoked_and_frees_its_seat() {
        // A bulk row has no link item until its email is sent, and TTL deletes a link's item a week
        // after the link expired (moto never expires items, so the test deletes it as TTL would).
        var invite = api.call("POST", "/v1/invitations", json("email", "gone-link@acme.test", "name", "Gone", "role", "sales-rep"),
                admin.subject());
        assertThat(invite.status()).as(invite.body()).isEqualTo(201);
        String id = invite.json().path("id").asText();
        String tokenHash = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(java.util.Map.of(
                "pk", AttributeValue.fromS("WS#ws-acme"), "sk", AttributeValue.fromS("INVITATION#" + id)))).item().get("tokenHash").s();
        aws.dynamo().deleteItem(r -> r.tableName(aws.tableName()).key(java.util.Map.of(
                "pk", AttributeValue.fromS(com.salesos.admin.aws.table.TableKeys.token(tokenHash)),
                "sk", AttributeValue.fromS(com.salesos.admin.aws.table.TableKeys.TOKEN_SK))));
        long pendingBefore = seatsPending();

        var revoked = api.call("DELETE", "/v1/invitations/" + id, null, admin.subject());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(seatsPending()).isEqualTo(pendingBefore - 1);
        assertThat(listAll()).filteredOn(i -> i.path("id").asText().equals(id)).singleElement()
                .satisfies(i -> assertThat(i.path("status").asText()).isEqualTo("revoked"));
        assertThat(api.call("DELETE", "/v1/invitations/" + id, null, admin.subject()).status()).isEqualTo(409);
    }

    @Test
    void plus_addresses_of_one_mailbox_share_its_limit_and_each_invitation_keeps_its_own_address() {
        int limit = SendLimits.STANDARD.perAddress().sends();
        LambdaApi.Response refused = null;
        for (int i = 1; i <= limit + 1; i++) {
            String to = "v+" + i + "@plus.test";
            var invite = api.call("POST", "/v1/invitations", json("email", to, "name", "V", "role", "sales-rep"), admin.subject());
            if (i <= limit) {
                assertThat(invite.status()).as(invite.body()).isEqualTo(201);
                assertThat(invite.json().path("email").asText()).isEqualTo(to);
                assertThat(emails.to(to)).hasSize(1);
                // Revoked at once, so that pending invitations hold none of the workspace's seats.
                assertThat(api.call("DELETE", "/v1/invitations/" + invite.json().path("id").asText(), null, admin.subject())
                        .status()).isEqualTo(204);
            } else {
                refused = invite;
                assertThat(emails.to(to)).isEmpty();
            }
        }

        assertRateLimited(refused, SendLimits.STANDARD.perAddress());
        assertThat(listAll()).filteredOn(i -> i.path("email").asText().endsWith("@plus.test")).hasSize(limit);
    }

    @Test
    void resends_to_one_address_are_cut_off_at_its_limit_and_a_refused_resend_keeps_the_last_link() {
        String to = "resend-target@outside.test";
        String id = api.call("POST", "/v1/invitations", json("email", to, "name", "Again", "role", "sales-rep"), admin.subject())
                .json().path("id").asText();
        int resent = 0;
        LambdaApi.Response refused = null;
        for (int i = 0; i < 25; i++) {
            var resend = api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
            if (resend.status() == 200) {
                resent++;
            } else {
                refused = resend;
            }
        }

        int limit = SendLimits.STANDARD.perAddress().sends();
        assertThat(resent).isEqualTo(limit - 1);
        assertThat(emails.to(to)).hasSize(limit);
        assertRateLimited(refused, SendLimits.STANDARD.perAddress());
        var accepted = api.call("POST", "/v1/invitations/accept",
                json("token", emails.latestInvitationToken(to), "password", PASSWORD), null);
        assertThat(accepted.status()).as("the last link sent still works").isEqualTo(201);
    }

    @Test
    void a_workspace_that_used_up_its_hourly_sends_gets_429_and_sends_nothing() {
        aws.workspaces().createWorkspace("ws-busy", "Busy", "team", 10);
        User busyAdmin = aws.workspaces().addUser("ws-busy", "usr_busy_admin", "admin@busy.test", "Busy Admin", "admin", null, PASSWORD);
        // As if 300 invitations went out this hour (and, should the hour turn mid-test, the next one).
        SendLimits.Limit hourly = SendLimits.STANDARD.perWorkspace();
        Instant now = Instant.now();
        for (Instant at : List.of(now, now.plus(hourly.window()))) {
            aws.dynamo().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                    "pk", AttributeValue.fromS("WS#ws-busy"),
                    "sk", AttributeValue.fromS("SENDS#WORKSPACE#" + hourly.windowAt(at).start()),
                    "sends", AttributeValue.fromN(Integer.toString(hourly.sends())))));
        }

        var invite = api.call("POST", "/v1/invitations", json("email", "fresh@outside.test", "name", "Fresh", "role", "sales-rep"),
                busyAdmin.subject());

        assertRateLimited(invite, hourly);
        assertThat(emails.to("fresh@outside.test")).isEmpty();
        assertThat(api.call("GET", "/v1/invitations", null, busyAdmin.subject()).json().path("items")).isEmpty();
    }

    private static void assertRateLimited(LambdaApi.Response response, SendLimits.Limit limit) {
        assertThat(response).as("a refused call").isNotNull();
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith("/invitation-emails-limited");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limit.window().toSeconds());
        assertThat(response.json().path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    }

    @Test
    void a_manager_without_users_manage_gets_403() {
        var response = api.call("POST", "/v1/invitations",
                json("email", "x@example.com", "name", "X", "role", "sales-rep"), manager.subject());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asText()).endsWith("/permission-missing");
        assertThat(listAll()).noneMatch(i -> i.path("email").asText().equals("x@example.com"));
    }

    @Test
    void a_request_without_verified_claims_gets_401() {
        var response = api.call("GET", "/v1/invitations", null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void invalid_fields_are_all_reported_as_problem_json_and_nothing_is_written() {
        var response = api.call("POST", "/v1/invitations",
                json("email", "not-an-email", "name", "", "role", "Overlord", "teamId", "team-nowhere"), admin.subject());

        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "name", "role", "teamId");
        assertThat(listAll()).noneMatch(i -> i.path("email").asText().equals("not-an-email"));
    }

    @Test
    void malformed_json_is_a_422_problem_naming_the_body() {
        var response = api.call("POST", "/v1/invitations", "{\"email\": ", admin.subject());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("type").asText()).endsWith("/invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void the_same_email_cannot_be_invited_twice_or_match_an_existing_user() {
        var first = api.call("POST", "/v1/invitations", json("email", "dup@example.com", "name", "Dup", "role", "manager"), admin.subject());
        var second = api.call("POST", "/v1/invitations", json("email", "DUP@example.com ", "name", "Dup", "role", "manager"), admin.subject());
        var existing = api.call("POST", "/v1/invitations", json("email", "manager@acme.test", "name", "M", "role", "manager"), admin.subject());

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("type").asText()).endsWith("/email-taken");
        assertThat(existing.status()).isEqualTo(409);
    }

    @Test
    void a_retried_create_with_the_same_idempotency_key_returns_the_first_invitation() {
        String body = json("email", "idem@example.com", "name", "Idem", "role", "sales-rep");
        var first = api.call("POST", "/v1/invitations", body, admin.subject(), Map.of("Idempotency-Key", "key-123"));
        var retry = api.call("POST", "/v1/invitations", body, admin.subject(), Map.of("Idempotency-Key", "key-123"));
        var misuse = api.call("POST", "/v1/invitations", json("email", "other@example.com", "name", "O", "role", "sales-rep"),
                admin.subject(), Map.of("Idempotency-Key", "key-123"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(emails.to("idem@example.com")).hasSize(1);
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(listAll()).noneMatch(i -> i.path("email").asText().equals("other@example.com"));
    }

    @Test
    void resend_kills_the_old_link_and_revoke_frees_the_seat() {
        var created = api.call("POST", "/v1/invitations", json("email", "rs@example.com", "name", "Re Send", "role", "sales-rep"), admin.subject());
        String id = created.json().path("id").asText();
        String firstToken = emails.latestInvitationToken("rs@example.com");

        var resent = api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        String secondToken = emails.latestInvitationToken("rs@example.com");
        assertThat(secondToken).isNotEqualTo(firstToken);

        var withOldLink = api.call("POST", "/v1/invitations/accept", json("token", firstToken, "password", PASSWORD), null);
        assertThat(withOldLink.status()).isEqualTo(404);

        long pendingBefore = seatsPending();
        var revoked = api.call("DELETE", "/v1/invitations/" + id, null, admin.subject());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(seatsPending()).isEqualTo(pendingBefore - 1);

        var revokedAgain = api.call("DELETE", "/v1/invitations/" + id, null, admin.subject());
        assertThat(revokedAgain.status()).isEqualTo(409);
        var resendRevoked = api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
        assertThat(resendRevoked.status()).isEqualTo(409);
        var withNewLink = api.call("POST", "/v1/invitations/accept", json("token", secondToken, "password", PASSWORD), null);
        assertThat(withNewLink.status()).isEqualTo(404);
    }

    @Test
    void unknown_invitation_ids_are_404() {
        assertThat(api.call("DELETE", "/v1/invitations/inv_nope", null, admin.subject()).status()).isEqualTo(404);
        assertThat(api.call("POST", "/v1/invitations/inv_nope/resend", null, admin.subject()).status()).isEqualTo(404);
    }

    @Test
    void listing_pages_with_a_cursor_and_filters_by_status() {
        for (int i = 0; i < 3; i++) {
            api.call("POST", "/v1/invitations", json("email", "page" + i + "@example.com", "name", "P" + i, "role", "sales-rep"), admin.subject());
        }
        var firstPage = api.call("GET", "/v1/invitations?status=pending&limit=2", null, admin.subject());
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.json().path("items")).hasSize(2);
        String cursor = firstPage.json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        var secondPage = api.call("GET", "/v1/invitations?status=pending&limit=2&cursor=" + cursor, null, admin.subject());
        assertThat(secondPage.status()).isEqualTo(200);
        assertThat(secondPage.json().path("items").get(0).path("id").asText())
                .isNotEqualTo(firstPage.json().path("items").get(1).path("id").asText());

        assertThat(api.call("GET", "/v1/invitations?status=bogus", null, admin.subject()).status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/invitations?limit=500", null, admin.subject()).status()).isEqualTo(422);
        assertThat(api.call("GET", "/v1/invitations?cursor=Zm9vYmFy", null, admin.subject()).status()).isEqualTo(422);
    }

    private static long seatsPending() {
        return new com.salesos.admin.aws.workspaces.DynamoSeatLedger(aws.dynamo(), aws.tableName()).read("ws-acme").pending();
    }

    private static java.util.List<JsonNode> listAll() {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = api.call("GET", "/v1/invitations?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null, admin.subject());
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("nextCursor").isMissingNode() || page.json().path("nextCursor").isNull()
                    ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        return all;
    }
}
