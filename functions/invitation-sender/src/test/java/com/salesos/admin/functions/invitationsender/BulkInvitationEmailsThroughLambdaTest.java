package com.salesos.admin.functions.invitationsender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.invites.InvitationEmailMessages;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.emulator.CapturedLogs;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.users.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Bulk files end to end: uploaded through the invites function, their emails sent by the
 * invitation sender's handler from the real queues (QueueDriver plays the event source mapping).
 */
class BulkInvitationEmailsThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static final String WS = "ws-mail";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static SentEmails emails;
    static InvitationSenderHandler sender;
    static QueueDriver driver;
    static SqsClient sqs;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        // The template's pace (5 a second) is for SES; against the emulator the tests need no pause.
        System.setProperty(InvitationSenderSettings.INVITATION_SENDS_PER_SECOND, "1000");
        aws.workspaces().createWorkspace(WS, "Mail Co", "enterprise", 6_000);
        admin = aws.workspaces().addUser(WS, "usr_mail_admin", "admin@mail.test", "Admin", "admin", null, PASSWORD);
        api = new LambdaApi();
        emails = new SentEmails(MotoServer.shared());
        sqs = aws.clients().sqs();
        sender = new InvitationSenderHandler();
        driver = new QueueDriver(aws.stack(), sqs, "InvitationSenderFunction", sender, Duration.ofSeconds(1));
    }

    @AfterAll
    static void tearDown() {
        api.close();
        sender.close();
        sqs.close();
    }

    @Test
    void queued_emails_go_out_through_the_sender_with_a_working_link_and_never_echo_the_typed_name() {
        var report = upload("email,name,role\nlinked@mail.test,\"=HYPERLINK(\"\"http://evil.test\"\",\"\"win\"\")\",sales-rep\n"
                + "second@mail.test,<b>Second</b>,manager\n", Map.of());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("emailsQueued").asInt()).isEqualTo(2);

        CapturedLogs logs = CapturedLogs.during(driver::drain);

        assertThat(emails.to("linked@mail.test")).hasSize(1);
        String body = emails.to("linked@mail.test").get(0).body();
        assertThat(body).doesNotContain("HYPERLINK", "evil", "<b>");
        assertThat(invitation("linked@mail.test").path("delivery").asText()).isEqualTo("sent");
        assertThat(invitation("second@mail.test").path("delivery").asText()).isEqualTo("sent");
        // Every line the sender wrote is JSON: one per message and one metric per email sent, with
        // the workspace but never an address or a link.
        assertThat(logs.metric("InvitationsSent")).containsExactly(1L, 1L);
        assertThat(logs.metrics()).allSatisfy(m -> assertThat(m.path("workspaceId").asText()).isEqualTo(WS));
        assertThat(logs.lines()).filteredOn(l -> l.path("type").asText().equals("message"))
                .extracting(l -> l.path("outcome").asText()).containsExactly("sent", "sent");
        assertThat(logs.text()).doesNotContain("linked@mail.test", "second@mail.test",
                emails.latestInvitationToken("linked@mail.test"));
        var accepted = api.call("POST", "/v1/invitations/accept", LambdaApi.json("token",
                emails.latestInvitationToken("linked@mail.test"), "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().path("name").asText()).isEqualTo("=HYPERLINK(\"http://evil.test\",\"win\")");
    }

    @Test
    void no_link_is_issued_and_no_email_sent_while_the_workspaces_deletion_is_confirmed() {
        String queueUrl = aws.stack().physicalId("InvitationQueue");
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
        String ws = "ws-mail-locked";
        aws.workspaces().createWorkspace(ws, "Locked Mail", "team", 10);
        User lockedAdmin = aws.workspaces().addUser(ws, "usr_locked_mail_admin", "admin@locked-mail.test", "Admin", "admin",
                null, PASSWORD);
        var report = api.callBytes("POST", "/v1/invitations/bulk",
                "email,name,role\nheld@locked-mail.test,Held,sales-rep\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                lockedAdmin.subject(), Map.of());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        Map<String, AttributeValue> queued = invitationItem(ws);
        // The Admin confirms the deletion after the upload, before the sender takes the message.
        DynamoDeletionRequests requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(Clock.systemUTC(), new SecureRandom())));
        DeletionRequest open = DeletionRequest.open("del_mail", ws, "SUP-7", "test", "support:test", Instant.now());
        AuditEvent audit = new AuditEvent(ws, "support:test", "workspace.deletion.test", "deletion-request", "del_mail",
                Instant.now(), Map.of(), Map.of());
        requests.open(open, audit);
        assertThat(requests.replace(open, open.confirmedBy(lockedAdmin.id(), Instant.now(), Duration.ofHours(72)), audit)).isTrue();

        CapturedLogs logs = CapturedLogs.during(driver::drain);

        assertThat(emails.to("held@locked-mail.test")).isEmpty();
        assertThat(invitationItem(ws)).as("no link issued, nothing recorded").isEqualTo(queued);
        assertThat(logs.lines()).filteredOn(l -> l.path("type").asText().equals("message"))
                .extracting(l -> l.path("outcome").asText()).containsExactly("will retry: DomainException");
    }

    private static Map<String, AttributeValue> invitationItem(String ws) {
        var items = aws.dynamo().query(r -> r.tableName(aws.tableName()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :i)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + ws), ":i", AttributeValue.fromS("INVITATION#"))))
                .items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void an_email_over_the_per_address_limit_waits_for_the_next_window_instead_of_failing() {
        String queueUrl = aws.stack().physicalId("InvitationQueue");
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
        StringBuilder csv = new StringBuilder("email,name,role\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("max+").append(i).append("@mail.test,Max ").append(i).append(",sales-rep\n");
        }
        assertThat(upload(csv.toString(), Map.of()).json().path("invited").asInt()).isEqualTo(6);

        driver.drain();

        long sent = 0;
        for (int i = 1; i <= 6; i++) {
            sent += emails.to("max+" + i + "@mail.test").size();
        }
        assertThat(sent).as("five a day per mailbox").isEqualTo(5);
        long waiting = 0;
        for (int i = 1; i <= 6; i++) {
            String delivery = invitation("max+" + i + "@mail.test").path("delivery").asText();
            assertThat(delivery).isIn("sent", "queued");
            waiting += delivery.equals("queued") ? 1 : 0;
        }
        assertThat(waiting).isEqualTo(1);
        assertThat(delayedMessages()).as("queued again for when the window ends").isEqualTo(1);
    }

    @Test
    void an_email_ses_refuses_shows_failed_is_retried_from_the_queue_and_given_up_on_from_the_dead_letter_queue() {
        String senderIdentity = aws.stack().physicalId("SenderIdentity");
        try (SesV2Client ses = aws.clients().ses()) {
            ses.deleteEmailIdentity(r -> r.emailIdentity(senderIdentity));
            upload("email,name,role\nbounce@mail.test,Bounce,sales-rep\n", Map.of());
            driver.pollOnce(Duration.ZERO);
            assertThat(invitation("bounce@mail.test").path("delivery").asText()).isEqualTo("failed");
            assertThat(emails.to("bounce@mail.test")).isEmpty();

            ses.createEmailIdentity(r -> r.emailIdentity(senderIdentity));
            // The failed message comes back after the driver's retry delay (in AWS: the handler's backoff).
            for (int i = 0; i < 5 && emails.to("bounce@mail.test").isEmpty(); i++) {
                driver.pollOnce(Duration.ofSeconds(2));
            }
            assertThat(emails.to("bounce@mail.test")).hasSize(1);
            assertThat(invitation("bounce@mail.test").path("delivery").asText()).isEqualTo("sent");
        }

        upload("email,name,role\nlost@mail.test,Lost,sales-rep\n", Map.of());
        String id = invitation("lost@mail.test").path("id").asText();
        // What the queue does after five failed receives: the message lands in the dead-letter queue.
        String queueUrl = aws.stack().physicalId("InvitationQueue");
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
        sqs.sendMessage(r -> r.queueUrl(aws.stack().physicalId("InvitationDeadLetterQueue"))
                .messageBody(InvitationEmailMessages.body(WS, id)));
        driver.drain();
        assertThat(invitation("lost@mail.test").path("delivery").asText()).isEqualTo("failed");
        var resent = api.call("POST", "/v1/invitations/" + id + "/resend", null, admin.subject());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().path("delivery").asText()).isEqualTo("sent");
    }

    /**
     * A file big enough for every lane to write several batches (8 lanes x 2 batches), end to end.
     * The 5,000-row file runs in bin/bench-bulk-invite: moto's SQS takes many minutes for 5,000
     * messages (thread dumps show the lanes waiting in SendMessageBatch), too long for every build.
     */
    @Test
    void a_file_filling_every_lane_with_several_batches_is_invited_in_one_request_and_every_email_is_queued() {
        int rows = 2 * BulkInvitationService.ROWS_PER_BATCH * BulkInvitationService.MAX_LANES;
        String ws = "ws-lanes";
        aws.workspaces().createWorkspace(ws, "Lanes", "enterprise", 6_000);
        User bigAdmin = aws.workspaces().addUser(ws, "usr_lanes_admin", "admin@lanes.test", "Admin", "admin", null, PASSWORD);
        StringBuilder csv = new StringBuilder("email,name,role,team\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("person").append(i).append("@lanes.test,Person ").append(i).append(i % 2 == 0 ? ",Sales Rep," : ",manager,")
                    .append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String queueUrl = aws.stack().physicalId("InvitationQueue");
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));

        var report = api.callBytes("POST", "/v1/invitations/bulk", file, "text/csv", bigAdmin.subject(), Map.of());

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("invited").asInt()).isEqualTo(rows);
        assertThat(report.json().path("emailsQueued").asInt()).isEqualTo(rows);
        assertThat(report.json().path("rows")).hasSize(rows);
        var workspace = aws.dynamo().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WS#" + ws),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("#WORKSPACE")))).item();
        assertThat(workspace.get("seatsUsed").n()).isEqualTo(Integer.toString(rows + 1));
        assertThat(workspace.get("pendingInvitations").n()).isEqualTo(Integer.toString(rows));
        assertThat(visibleMessages()).isEqualTo(rows);

        // The sender takes them from there; one batch of ten shows the way.
        driver.pollOnce(Duration.ZERO);
        long sent = java.util.stream.IntStream.range(0, rows)
                .filter(i -> !emails.to("person" + i + "@lanes.test").isEmpty()).count();
        assertThat(sent).isEqualTo(10);
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
    }

    private static LambdaApi.Response upload(String csv, Map<String, String> headers) {
        return api.callBytes("POST", "/v1/invitations/bulk", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
                admin.subject(), headers);
    }

    private static JsonNode invitation(String email) {
        String cursor = null;
        do {
            var page = api.call("GET", "/v1/invitations?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null,
                    admin.subject()).json();
            for (JsonNode item : page.path("items")) {
                if (item.path("email").asText().equals(email)) {
                    return item;
                }
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        throw new AssertionError("no invitation for " + email);
    }

    private static int delayedMessages() {
        return attribute("ApproximateNumberOfMessagesDelayed");
    }

    private static int visibleMessages() {
        return attribute("ApproximateNumberOfMessages");
    }

    private static int attribute(String name) {
        String url = aws.stack().physicalId("InvitationQueue");
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(name))
                .attributesAsStrings().get(name));
    }
}
