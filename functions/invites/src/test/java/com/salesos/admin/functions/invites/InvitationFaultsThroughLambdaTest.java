package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Faults injected into the real services: nothing is lost and nothing applies twice. */
@ExtendWith(LocalAwsExtension.class)
class InvitationFaultsThroughLambdaTest {

    static LocalAws aws;
    static LambdaApi api;
    static SentEmails emails;
    static User admin;
    static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda, SentEmails sent) {
        aws = localAws;
        admin = TestWorkspace.on(aws, "ws-faults").name("Faults Inc").tier("team").seatLimit(20)
                .user("usr_f_admin", "admin@faults.test", "Admin", "admin")
                .build().user("usr_f_admin");
        emails = sent;
        api = lambda;
        cognito = aws.clients().cognito();
    }

    @AfterAll
    static void tearDown() {
        cognito.close();
    }

    @Test
    void when_ses_refuses_the_invitation_stays_marked_failed_and_resend_delivers_it() {
        String sender = aws.stack().physicalId("SenderIdentity");
        try (SesV2Client ses = aws.clients().ses()) {
            ses.deleteEmailIdentity(r -> r.emailIdentity(sender));
            var created = api.call("POST", "/v1/invitations", json("email", "bounce@example.com", "name", "B", "role", "sales-rep"), admin.subject());
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("delivery").asText()).isEqualTo("failed");
            assertThat(emails.to("bounce@example.com")).isEmpty();
            String id = created.json().path("id").asText();
            assertThat(find(id).path("delivery").asText()).isEqualTo("failed");

            ses.createEmailIdentity(r -> r.emailIdentity(sender));
            var resent = api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.json().path("delivery").asText()).isEqualTo("sent");
            assertThat(emails.to("bounce@example.com")).hasSize(1);
        }
    }

    @Test
    void an_expired_link_is_410_keeps_its_seat_and_a_resend_makes_it_work_again() {
        var created = api.call("POST", "/v1/invitations", json("email", "late@example.com", "name", "Late", "role", "sales-rep"), admin.subject());
        String id = created.json().path("id").asText();
        String token = emails.latestInvitationToken("late@example.com");
        expireInvitation(id);
        long usedBefore = seatsUsed();

        var late = api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().path("type").asText()).endsWith("/invitation-expired");
        assertThat(seatsUsed()).isEqualTo(usedBefore);
        assertThat(find(id).path("expired").asBoolean()).isTrue();

        api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
        var accepted = api.call("POST", "/v1/invitations/accept",
                json("token", emails.latestInvitationToken("late@example.com"), "password", PASSWORD), null);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(seatsUsed()).isEqualTo(usedBefore);
    }

    @Test
    void an_accept_that_crashed_after_creating_the_sign_in_account_completes_on_retry_with_a_fresh_account(
            MovableClock clock, @OnMovableClock LambdaApi later) {
        var created = api.call("POST", "/v1/invitations", json("email", "crash@example.com", "name", "Crash", "role", "admin"), admin.subject());
        String token = emails.latestInvitationToken("crash@example.com");
        // The first attempt got as far as the identity provider (which marked the account with this
        // invitation), then the process died. Whoever chose that password holds a token for it.
        aws.accounts().open(address("crash@example.com"), "Some-Other-Passw0rd",
                Optional.of(created.json().path("id").asText()));
        String oldSession = aws.signIn().accessToken("crash@example.com", "Some-Other-Passw0rd");
        String oldSubject = subjectOf(oldSession);
        clock.set(Instant.now());
        // So young, the account may be a double-submitted accept's still in flight: left alone.
        LambdaApi.Response early = later.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);
        assertThat(sessionAlive(oldSession)).as("the young account untouched").isTrue();
        clock.advance(Duration.ofMinutes(1));
        LambdaApi.Response retry = later.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);

        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().path("type").asText()).endsWith("/accept-in-progress");
        assertThat(early.header("Retry-After")).isNotBlank();
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo("usr_" + created.json().path("id").asText().substring(4));
        String newSubject = subjectOf(aws.signIn().accessToken("crash@example.com", PASSWORD));
        assertThat(newSubject).as("the user's subject is one no earlier token names").isNotEqualTo(oldSubject);
        // The gateway would still pass the old token until it expires; it must map to no user.
        assertThat(api.call("GET", "/v1/invitations", null, oldSubject).status()).isEqualTo(403);
        assertThat(api.call("GET", "/v1/invitations", null, newSubject).status()).isEqualTo(200);
        assertThat(sessionAlive(oldSession)).as("a session of the deleted account").isFalse();
        assertThat(api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null).status())
                .as("exactly one user").isEqualTo(404);
    }

    @Test
    void an_accept_the_store_refuses_after_opening_the_account_leaves_no_account_behind() {
        var created = api.call("POST", "/v1/invitations", json("email", "refused@example.com", "name", "Ref", "role", "manager"), admin.subject());
        String token = emails.latestInvitationToken("refused@example.com");
        // The store's transaction fails its conditions, as when a revoke or resend commits between
        // the accept's read and its write: here, the user item the accept would create is there.
        String userId = "usr_" + created.json().path("id").asText().substring(4);
        aws.dynamo().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                "pk", AttributeValue.fromS("WS#ws-faults"), "sk", AttributeValue.fromS("USER#" + userId))));

        var accept = api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null);

        assertThat(accept.status()).as(accept.body()).isEqualTo(404);
        assertThat(accountExists("refused@example.com")).as("an account holding the refused caller's password").isFalse();
    }

    @Test
    void a_password_with_whitespace_at_either_end_is_422_and_leaves_no_account() {
        var created = api.call("POST", "/v1/invitations", json("email", "spaces@example.com", "name", "Sp", "role", "manager"), admin.subject());
        String token = emails.latestInvitationToken("spaces@example.com");

        var accept = api.call("POST", "/v1/invitations/accept", json("token", token, "password", " " + PASSWORD), null);

        assertThat(accept.status()).as(accept.body()).isEqualTo(422);
        assertThat(accept.json().path("errors").get(0).path("field").asText()).isEqualTo("password");
        assertThat(accountExists("spaces@example.com")).isFalse();
        assertThat(find(created.json().path("id").asText()).path("status").asText()).isEqualTo("pending");
        assertThat(api.call("POST", "/v1/invitations/accept", json("token", token, "password", PASSWORD), null).status())
                .isEqualTo(201);
    }

    @Test
    void cognitos_invalid_parameter_for_a_password_is_422_and_the_account_just_created_is_closed() {
        // Past the domain's check (provisioning opens accounts too): the emulator refuses such a
        // password with InvalidParameterException after AdminCreateUser, as Cognito does.
        assertThatThrownBy(() -> aws.accounts().open(address("param@example.com"), PASSWORD + " ", Optional.of("inv_param")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("password");
                });
        assertThat(accountExists("param@example.com")).isFalse();
    }

    @Test
    void an_account_no_workspace_user_owns_is_not_adopted_by_an_invitation_for_its_address() {
        // Like the support identity: a real account in the pool, in no workspace, with a live session.
        aws.accounts().open(address("helpdesk@example.com"), PASSWORD, Optional.empty());
        String session = aws.signIn().accessToken("helpdesk@example.com", PASSWORD);
        api.call("POST", "/v1/invitations", json("email", "helpdesk@example.com", "name", "Help", "role", "admin"), admin.subject());
        String token = emails.latestInvitationToken("helpdesk@example.com");

        var accept = api.call("POST", "/v1/invitations/accept", json("token", token, "password", "Attacker-Passw0rd!"), null);

        assertThat(accept.status()).as(accept.body()).isEqualTo(409);
        assertThat(accept.json().path("type").asText()).endsWith("/account-exists");
        assertThat(aws.signIn().accessToken("helpdesk@example.com", PASSWORD)).as("old password").isNotBlank();
        assertThat(sessionAlive(session)).isTrue();
        // The account's subject still belongs to no workspace user: its token opens nothing here.
        String subject = cognito.getUser(r -> r.accessToken(session)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        assertThat(api.call("GET", "/v1/invitations", null, subject).status()).isEqualTo(403);
    }

    @Test
    void an_account_opened_by_another_invitation_is_not_adopted() {
        aws.accounts().open(address("twice@example.com"), "Some-Other-Passw0rd", Optional.of("inv_someone_else"));
        api.call("POST", "/v1/invitations", json("email", "twice@example.com", "name", "Twice", "role", "manager"), admin.subject());

        var accept = api.call("POST", "/v1/invitations/accept",
                json("token", emails.latestInvitationToken("twice@example.com"), "password", PASSWORD), null);

        assertThat(accept.status()).isEqualTo(409);
        assertThat(aws.signIn().accessToken("twice@example.com", "Some-Other-Passw0rd")).isNotBlank();
    }

    @Test
    void an_account_that_belongs_to_someone_is_never_taken_over() {
        TestWorkspace.on(aws, "ws-other").name("Other").tier("team").seatLimit(5)
                .user("usr_o_1", "taken@example.com", "Taken", "admin").build();
        api.call("POST", "/v1/invitations", json("email", "taken@example.com", "name", "Taken", "role", "manager"), admin.subject());
        String token = emails.latestInvitationToken("taken@example.com");

        var accept = api.call("POST", "/v1/invitations/accept", json("token", token, "password", "Attacker-Passw0rd!"), null);

        assertThat(accept.status()).isEqualTo(409);
        assertThat(aws.signIn().accessToken("taken@example.com", PASSWORD)).isNotBlank();
    }

    private static EmailAddress address(String email) {
        return EmailAddress.parse(email).orElseThrow();
    }

    private static String subjectOf(String accessToken) {
        return cognito.getUser(r -> r.accessToken(accessToken)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static boolean accountExists(String email) {
        try {
            cognito.adminGetUser(r -> r.userPoolId(aws.userPoolId()).username(email));
            return true;
        } catch (UserNotFoundException gone) {
            return false;
        }
    }

    /** Whether Cognito still honours the access token (a global sign-out revokes it). */
    private static boolean sessionAlive(String accessToken) {
        try {
            cognito.getUser(r -> r.accessToken(accessToken));
            return true;
        } catch (NotAuthorizedException signedOut) {
            return false;
        }
    }

    private static void expireInvitation(String id) {
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("WS#ws-faults"), "sk", AttributeValue.fromS("INVITATION#" + id)))
                .updateExpression("SET expiresAt = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromS(Instant.now().minusSeconds(1).toString()))));
    }

    private static long seatsUsed() {
        return new com.salesos.admin.aws.workspaces.DynamoSeatLedger(aws.dynamo(), aws.tableName()).read("ws-faults").used();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(String id) {
        for (var item : api.call("GET", "/v1/invitations?limit=200", null, admin.subject()).json().path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("invitation " + id + " not listed");
    }
}
