package com.salesos.admin.functions.deletionworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionState;
import com.salesos.admin.users.User;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An executed deletion through the real worker handler, driven from the template's queue: the
 * workspace's accounts, objects and items go, another workspace keeps everything, and what stays is
 * the tombstone (request, directory entry, one audit record) without personal data.
 */
class DeletionWorkerThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static MovableClock clock;
    static SqsClient sqs;
    static S3Client s3;
    static QueueDriver driver;
    static DynamoDeletionRequests requests;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        clock = new MovableClock(Instant.parse("2026-05-01T09:00:00Z"));
        sqs = aws.clients().sqs();
        s3 = aws.clients().s3();
        driver = new QueueDriver(aws.stack(), sqs, "DeletionWorkerFunction",
                new DeletionWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)), Duration.ZERO);
        requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(clock, new SecureRandom())));
    }

    @AfterAll
    static void tearDown() {
        sqs.close();
        s3.close();
    }

    static User seed(String ws) {
        aws.workspaces().createWorkspace(ws, "Workspace " + ws, "team", 10);
        aws.workspaces().addTeam(ws, "team-1", "One");
        User admin = aws.workspaces().addUser(ws, "usr_" + ws + "_admin", "admin@" + ws + ".test", "Admin", "admin", null, PASSWORD);
        aws.workspaces().addUser(ws, "usr_" + ws + "_rep", "rep@" + ws + ".test", "Rep", "sales-rep", "team-1", PASSWORD);
        aws.workspaces().addRecord(ws, "deal", "deal-1", admin.id(), Map.of("name", "Big deal"));
        s3.putObject(r -> r.bucket(aws.stack().physicalId("ExportsBucket")).key("exports/" + ws + "/exp_1.zip"),
                RequestBody.fromString("zip"));
        s3.putObject(r -> r.bucket(aws.stack().physicalId("BadgeImagesBucket")).key("badges/" + ws + "/badge-1"),
                RequestBody.fromString("png"));
        return admin;
    }

    /** Support opened, the Admin confirmed, support executed: the request is running and its message queued. */
    static DeletionRequest executed(String ws, String requestId, User admin) {
        DeletionRequest open = DeletionRequest.open(requestId, ws, "SUP-7", "Customer Jane Doe left", "support:s1",
                clock.instant());
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy(admin.id(), clock.instant(), Duration.ofHours(72));
        requests.replace(open, confirmed, audit(confirmed));
        DeletionRequest running = confirmed.executedBy("support:s1", ws, clock.instant().plus(Duration.ofHours(72)));
        requests.replace(confirmed, running, audit(running));
        sqs.sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue"))
                .messageBody("{\"deletionRequestId\":\"" + requestId + "\"}"));
        return running;
    }

    static AuditEvent audit(DeletionRequest r) {
        return new AuditEvent(r.workspaceId(), "support:s1", "workspace.deletion." + r.state().code(), "deletion-request",
                r.id(), clock.instant(), Map.of(), Map.of("state", r.state().code()));
    }

    static List<Map<String, AttributeValue>> partition(String pk) {
        return aws.dynamo().query(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    static int objects(String bucketLogicalId, String prefix) {
        return s3.listObjectsV2(r -> r.bucket(aws.stack().physicalId(bucketLogicalId)).prefix(prefix)).contents().size();
    }

    @Test
    void an_executed_deletion_removes_accounts_objects_and_items_and_leaves_a_tombstone_without_personal_data() {
        User gone = seed("ws-gone");
        User kept = seed("ws-kept");
        executed("ws-gone", "del_gone", gone);

        assertThat(driver.drain()).isEqualTo(1);

        assertThat(partition("WS#ws-gone")).isEmpty();
        assertThat(partition("SUBJECT#" + gone.subject())).isEmpty();
        assertThatThrownBy(() -> aws.clients().cognito().adminGetUser(r -> r.userPoolId(aws.userPoolId())
                .username("admin@ws-gone.test"))).isInstanceOf(UserNotFoundException.class);
        assertThat(objects("ExportsBucket", "exports/ws-gone/")).isZero();
        assertThat(objects("BadgeImagesBucket", "badges/ws-gone/")).isZero();

        List<Map<String, AttributeValue>> audit = partition("WS#ws-gone#AUDIT");
        assertThat(audit).as("the one record that stays").hasSize(1);
        assertThat(audit.get(0).toString()).contains("workspace.deletion.done", "SUP-7")
                .doesNotContain("admin@ws-gone.test", "Jane Doe");
        DeletionRequest done = requests.find("del_gone").orElseThrow();
        assertThat(done.state()).isInstanceOf(DeletionState.Done.class);
        assertThat(done.reason()).as("support's free text goes with the data").isEmpty();
        Map<String, AttributeValue> entry = aws.dynamo().getItem(r -> r.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("SUPPORT#WORKSPACES"), "sk", AttributeValue.fromS("WS#ws-gone")))).item();
        assertThat(entry.get("state").s()).isEqualTo("deleted");
        assertThat(entry).doesNotContainKey("name");

        assertThat(partition("WS#ws-kept")).isNotEmpty();
        assertThat(partition("SUBJECT#" + kept.subject())).hasSize(1);
        assertThat(objects("ExportsBucket", "exports/ws-kept/")).isEqualTo(1);
        assertThat(objects("BadgeImagesBucket", "badges/ws-kept/")).isEqualTo(1);
    }

    @Test
    void a_redelivered_message_for_a_finished_deletion_changes_nothing() {
        User admin = seed("ws-twice");
        executed("ws-twice", "del_twice", admin);
        driver.drain();
        List<Map<String, AttributeValue>> auditAfterFirst = partition("WS#ws-twice#AUDIT");

        sqs.sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue")).messageBody("{\"deletionRequestId\":\"del_twice\"}"));
        assertThat(driver.drain()).isEqualTo(1);

        assertThat(partition("WS#ws-twice#AUDIT")).isEqualTo(auditAfterFirst);
        assertThat(requests.find("del_twice").orElseThrow().state()).isInstanceOf(DeletionState.Done.class);
    }

    @Test
    void a_request_that_was_never_executed_deletes_nothing() {
        User admin = seed("ws-safe");
        DeletionRequest open = DeletionRequest.open("del_safe", "ws-safe", "SUP-8", "x", "support:s1", clock.instant());
        requests.open(open, audit(open));
        sqs.sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue")).messageBody("{\"deletionRequestId\":\"del_safe\"}"));

        driver.drain();

        assertThat(partition("SUBJECT#" + admin.subject())).hasSize(1);
        assertThat(objects("ExportsBucket", "exports/ws-safe/")).isEqualTo(1);
    }
}
