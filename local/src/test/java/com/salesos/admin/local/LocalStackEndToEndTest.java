package com.salesos.admin.local;

import static com.salesos.admin.local.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through the local server over HTTP, with real tokens issued by the emulated Cognito pool. */
@ExtendWith(LocalAwsExtension.class)
class LocalStackEndToEndTest {

    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static DemoWorkspace.Seeded demo;
    static String issuer;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        demo = new DemoWorkspace(aws, server.context(), new com.salesos.admin.emulator.SentEmails(MotoServer.shared())).seed();
        api = new HttpApi(server.url());
        issuer = "https://cognito-idp." + LocalAws.REGION + ".amazonaws.com/" + aws.userPoolId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void invite_read_the_email_accept_and_sign_in_with_seats_consistent_throughout() {
        Seats before = seats();
        var invited = api.send("POST", "/v1/invitations",
                json("email", "e2e@example.com", "name", "End To End", "role", "manager", "teamId", "team-west"),
                demo.admin().accessToken());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(seats().pending()).isEqualTo(before.pending() + 1);
        assertThat(seats().used()).isEqualTo(before.used() + 1);

        String token = new SentEmails(MotoServer.shared()).latestInvitationToken("e2e@example.com");
        var accepted = api.send("POST", "/v1/invitations/accept", json("token", token, "password", "Very-Secret-Passw0rd"), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

        Seats after = seats();
        assertThat(after.active()).isEqualTo(before.active() + 1);
        assertThat(after.pending()).isEqualTo(before.pending());
        assertThat(after.used()).isEqualTo(before.used() + 1);

        String newcomerToken = aws.signIn().accessToken("e2e@example.com", "Very-Secret-Passw0rd");
        var newcomerTriesAdminRoute = api.send("GET", "/v1/invitations", null, newcomerToken);
        assertThat(newcomerTriesAdminRoute.status()).isEqualTo(403);
    }

    @Test
    void a_bulk_upload_through_the_gateway_answers_its_per_row_report_and_queues_the_emails() {
        String csv = "email,name,role,team\r\nbulk-e2e@example.com,Bulk Person,Sales Rep,team-west\r\nnot-an-email,Bo,manager,\r\n";

        var report = api.send("POST", "/v1/invitations/bulk", csv, demo.admin().accessToken(),
                "Content-Type", "text/csv", "Idempotency-Key", "e2e-bulk-1");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("invited").asInt()).isEqualTo(1);
        assertThat(report.json().path("rejected").asInt()).isEqualTo(1);
        assertThat(report.json().path("emailsQueued").asInt()).isEqualTo(1);
        var empty = api.send("POST", "/v1/invitations/bulk", "", demo.admin().accessToken(), "Content-Type", "text/csv");
        assertThat(empty.status()).as(empty.body()).isEqualTo(422);
    }

    @Test
    void the_gateway_rejects_missing_garbage_foreign_expired_and_wrong_audience_tokens() throws Exception {
        String subject = "anyone";
        String clientId = aws.userPoolClientId();
        assertThat(api.send("GET", "/v1/invitations", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/v1/invitations", null, "not-a-jwt").status()).isEqualTo(401);
        assertThat(api.send("GET", "/v1/invitations", null, ForgedTokens.signedByAStranger(issuer, subject, clientId)).status()).isEqualTo(401);
        assertThat(api.send("GET", "/v1/invitations", null, ForgedTokens.expired(issuer, subject, clientId)).status()).isEqualTo(401);
        assertThat(api.send("GET", "/v1/invitations", null, ForgedTokens.validForAnotherClient(issuer, subject)).status()).isEqualTo(401);

        var ok = api.send("GET", "/v1/invitations", null, demo.admin().accessToken());
        assertThat(ok.status()).isEqualTo(200);
        var problem = api.send("GET", "/v1/invitations", null, null);
        assertThat(problem.raw().headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void the_crm_token_of_the_session_posts_activities_and_nothing_else_while_a_persons_token_cannot_post_them() {
        String activity = json("id", "e2e-crm-1", "userId", "usr_demo_rep", "type", "DEAL_WON",
                "occurredAt", java.time.Instant.now().minusSeconds(5).toString(), "value", java.util.Map.of("amount", 2_500_000, "currency", "EUR"));
        for (DemoWorkspace.Person person : demo.users()) {
            assertThat(api.send("POST", "/v1/gamification/activities", activity, person.accessToken()).status())
                    .as(person.role()).isEqualTo(403);
        }
        var booked = api.send("POST", "/v1/gamification/activities", activity, demo.crm().accessToken());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().path("points").path("total").asLong()).isEqualTo(75);
        assertThat(api.send("GET", "/v1/users/usr_demo_rep/points", null, demo.crm().accessToken()).status()).isEqualTo(403);
        assertThat(api.send("GET", "/v1/me", null, demo.crm().accessToken()).status()).isEqualTo(403);
        assertThat(api.send("GET", "/v1/users/usr_demo_rep/points", null, demo.admin().accessToken()).json().path("total").asLong())
                .isEqualTo(75 + 25);
    }

    @Test
    void the_accept_route_is_public_as_in_the_template() {
        var response = api.send("POST", "/v1/invitations/accept", json("token", "nope", "password", "Whatever-Passw0rd"), null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asText()).endsWith("/invitation-token-unknown");
    }

    @Test
    void routes_missing_from_the_template_do_not_exist() {
        assertThat(api.send("GET", "/v1/not-a-route", null, demo.admin().accessToken()).status()).isEqualTo(404);
    }

    private static Seats seats() {
        return new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(DemoWorkspace.ID);
    }
}
