package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.users.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * While a workspace's deletion is confirmed, every write to it answers 409 naming the request and
 * changes nothing; reads still work, and a cancel makes it writable again. The access filter
 * answers early, but the rule is the store's: a write that passed the filter a moment before the
 * confirmation is refused by its own transaction, and the public invitation accept, which no
 * filter sees, is refused too.
 */
@ExtendWith(LocalAwsExtension.class)
class WritesWhileDeletingThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static LambdaApi api;
    static SentEmails emails;
    static DynamoDeletionRequests requests;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda, SentEmails sent) {
        aws = localAws;
        api = lambda;
        emails = sent;
        requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(Clock.systemUTC(), new SecureRandom())));
    }

    @AfterEach
    void letGo() {
        HeldWorkspaceWrites.releaseAll();
    }

    static AuditEvent audit(DeletionRequest request) {
        return new AuditEvent(request.workspaceId(), "support:test", "workspace.deletion.test", "deletion-request",
                request.id(), Instant.now(), Map.of(), Map.of());
    }

    static DeletionRequest open(String ws, String requestId) {
        DeletionRequest open = DeletionRequest.open(requestId, ws, "SUP-1", "test", "support:test", Instant.now());
        requests.open(open, audit(open));
        return open;
    }

    static DeletionRequest confirm(DeletionRequest open, User admin) {
        DeletionRequest confirmed = open.confirmedBy(admin.id(), Instant.now(), Duration.ofHours(72));
        assertThat(requests.replace(open, confirmed, audit(confirmed))).isTrue();
        return confirmed;
    }

    static Map<String, AttributeValue> workspaceItem(String ws) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("#WORKSPACE")))).item();
    }

    static List<Map<String, AttributeValue>> invitations(String ws) {
        return aws.dynamo().query(r -> r.tableName(aws.tableName()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :i)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + ws), ":i", AttributeValue.fromS("INVITATION#"))))
                .items();
    }

    static void assertRefusedNaming(LambdaApi.Response response, String requestId) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith("workspace-being-deleted");
        assertThat(response.json().path("deletionRequestId").asText()).isEqualTo(requestId);
    }

    @Test
    void a_confirmed_deletion_makes_every_write_409_naming_the_request_until_it_is_cancelled() {
        aws.workspaces().createWorkspace("ws-ro", "Read Only", "team", 10);
        User admin = aws.workspaces().addUser("ws-ro", "usr_ro_admin", "admin@ro.test", "Admin", "admin", null, PASSWORD);
        DeletionRequest open = open("ws-ro", "del_ro");
        String invite = json("email", "new@ro.test", "name", "New", "role", "sales-rep");
        assertThat(api.call("POST", "/v1/invitations", invite, admin.subject()).status())
                .as("an open request does not lock yet").isEqualTo(201);

        DeletionRequest confirmed = confirm(open, admin);
        var refused = api.call("POST", "/v1/invitations", json("email", "late@ro.test", "name", "Late", "role", "sales-rep"),
                admin.subject());

        assertRefusedNaming(refused, "del_ro");
        assertThat(api.call("GET", "/v1/invitations", null, admin.subject()).json().path("items")).hasSize(1);

        assertThat(requests.replace(confirmed, confirmed.cancelledBy(admin.id(), Instant.now()), audit(confirmed))).isTrue();
        assertThat(workspaceItem("ws-ro")).doesNotContainKey("deletionLock");
        assertThat(api.call("POST", "/v1/invitations", json("email", "late@ro.test", "name", "Late", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
    }

    @Test
    void another_workspaces_deletion_locks_nothing_here() {
        aws.workspaces().createWorkspace("ws-free", "Free", "team", 10);
        aws.workspaces().createWorkspace("ws-gone", "Gone", "team", 10);
        User admin = aws.workspaces().addUser("ws-free", "usr_free_admin", "admin@free.test", "Admin", "admin", null, PASSWORD);
        User goneAdmin = aws.workspaces().addUser("ws-gone", "usr_gone_admin", "admin@gone.test", "Admin", "admin", null, PASSWORD);
        confirm(open("ws-gone", "del_gone"), goneAdmin);

        assertThat(api.call("POST", "/v1/invitations", json("email", "x@free.test", "name", "X", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
    }

    @Test
    void nobody_joins_through_an_invitation_while_the_deletion_is_confirmed_and_the_account_the_accept_opened_goes() {
        aws.workspaces().createWorkspace("ws-join", "Joining", "team", 10);
        User admin = aws.workspaces().addUser("ws-join", "usr_join_admin", "admin@join.test", "Admin", "admin", null, PASSWORD);
        assertThat(api.call("POST", "/v1/invitations", json("email", "joiner@join.test", "name", "Joiner", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
        String token = emails.latestInvitationToken("joiner@join.test");
        Map<String, AttributeValue> before = workspaceItem("ws-join");
        confirm(open("ws-join", "del_join"), admin);

        // Public route: no access filter knows the workspace, the store's condition refuses it.
        var accept = api.call("POST", "/v1/invitations/accept", json("token", token, "password", "Choose-a-Passw0rd!"), null);

        assertRefusedNaming(accept, "del_join");
        assertThat(invitations("ws-join")).singleElement()
                .satisfies(i -> assertThat(i.get("status").s()).isEqualTo("PENDING"));
        assertThat(workspaceItem("ws-join").get("seatsUsed")).isEqualTo(before.get("seatsUsed"));
        assertThat(workspaceItem("ws-join").get("activeUsers")).isEqualTo(before.get("activeUsers"));
        assertThatThrownBy(() -> aws.clients().cognito().adminGetUser(r -> r.userPoolId(aws.userPoolId())
                .username("joiner@join.test"))).as("the account the accept opened is closed again")
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void writes_that_passed_the_filter_before_the_confirmation_are_refused_by_their_own_transaction() throws Exception {
        aws.workspaces().createWorkspace("ws-race", "Race", "team", 20);
        User admin = aws.workspaces().addUser("ws-race", "usr_race_admin", "admin@race.test", "Admin", "admin", null, PASSWORD);
        // A pending invitation to resend: a write whose transaction does not touch the counters.
        assertThat(api.call("POST", "/v1/invitations", json("email", "pending@race.test", "name", "P", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
        String pendingId = invitations("ws-race").get(0).get("id").s();
        Map<String, AttributeValue> before = workspaceItem("ws-race");
        int emailsBefore = emails.all().size();
        DeletionRequest open = open("ws-race", "del_race");

        HeldWorkspaceWrites.hold();
        int invites = 6;
        ExecutorService pool = Executors.newFixedThreadPool(invites + 2);
        List<Future<LambdaApi.Response>> answers = new ArrayList<>();
        for (int i = 0; i < invites; i++) {
            String body = json("email", "racer" + i + "@race.test", "name", "Racer " + i, "role", "sales-rep");
            answers.add(pool.submit(() -> api.call("POST", "/v1/invitations", body, admin.subject())));
        }
        answers.add(pool.submit(() -> api.call("POST", "/v1/invitations/" + pendingId + "/resend", null, admin.subject())));
        // A bulk file too: held at the transaction that reserves its seats.
        byte[] file = "email,name,role\nbulk1@race.test,Bulk One,sales-rep\nbulk2@race.test,Bulk Two,sales-rep\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        answers.add(pool.submit(() -> api.callBytes("POST", "/v1/invitations/bulk", file, "text/csv", admin.subject(), Map.of())));
        // Every request saw an unlocked workspace and is at its transaction now; then the Admin confirms.
        HeldWorkspaceWrites.awaitHeld(invites + 2);
        confirm(open, admin);
        HeldWorkspaceWrites.releaseAll();

        for (Future<LambdaApi.Response> answer : answers) {
            assertRefusedNaming(answer.get(), "del_race");
        }
        pool.shutdown();
        assertThat(invitations("ws-race")).as("only the invitation made before").hasSize(1);
        Map<String, AttributeValue> after = new java.util.HashMap<>(workspaceItem("ws-race"));
        assertThat(after.remove("deletionLock")).isEqualTo(AttributeValue.fromS("del_race"));
        assertThat(after).as("counters unchanged").isEqualTo(before);
        assertThat(emails.all()).as("no email sent").hasSize(emailsBefore);
    }
}
