package com.salesos.admin.functions.deletionworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.emulator.calls.LostAnswers;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionState;
import com.salesos.admin.support.PurgeCounts;
import com.salesos.admin.testing.MovableClock;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An executed deletion through the real worker handler, driven from the template's queue as
 * Lambda's event source mapping drives it: the workspace's accounts, objects, unfinished uploads
 * and items go (the whole table is scanned for its id afterwards), another workspace keeps every
 * item, and what stays is the tombstone without personal data. A crash in the middle is finished
 * by the redelivery with the same counts; a large workspace continues across invocations.
 */
@ExtendWith(LocalAwsExtension.class)
class DeletionWorkerThroughLambdaTest {

    static LocalAws aws;
    static MovableClock clock;
    static S3Client s3;
    static QueueDriver driver;
    static DynamoDeletionRequests requests;

    @BeforeAll
    static void setUp(LocalAws localAws, MovableClock movableClock) {
        aws = localAws;
        clock = movableClock;
        s3 = aws.clients().s3();
        driver = new QueueDriver(aws.stack(), aws.clients().sqs(), "DeletionWorkerFunction",
                new DeletionWorkerHandler(new LambdaApplicationContextBuilder().singletons(clock)), Duration.ZERO);
        requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(clock, new SecureRandom())));
    }

    @AfterEach
    void noFaults() {
        InjectedFaults.clear();
        driver.budget(Duration.ofSeconds(aws.stack().template().timeoutSeconds("DeletionWorkerFunction")));
    }

    static String exportsBucket() {
        return aws.stack().physicalId("ExportsBucket");
    }

    static String badgesBucket() {
        return aws.stack().physicalId("BadgeImagesBucket");
    }

    /** Users with sign-in accounts, a team, CRM records, a pending invitation with its token, the CRM identity, objects, an unfinished upload. */
    static TestWorkspace seed(String ws) {
        TestWorkspace workspace = TestWorkspace.on(aws, ws).name("Workspace " + ws).team("team-1", "One")
                .admin()
                .user("usr_" + ws + "_rep", "rep@" + ws + ".test", "Remy Rep", "sales-rep", "team-1")
                .deal("deal-1", "usr_" + ws + "_rep", Map.of("name", "Big deal"))
                .record("lead", "lead-1", "usr_" + ws + "_rep", Map.of("name", "Jane Prospect"))
                .record("activity", "act-1", "usr_" + ws + "_rep", Map.of("type", "CALL"))
                .crm()
                .build();
        String hash = "ab" + ws.hashCode();
        put(Map.of("pk", s("WS#" + ws), "sk", s("INVITATION#inv-1"), "type", s("invitation"), "id", s("inv-1"),
                "email", s("invitee@" + ws + ".test"), "status", s("PENDING"), "tokenHash", s(hash),
                "gsi1pk", s("WS#" + ws + "#INVITATIONS#PENDING"), "gsi1sk", s("inv-1")));
        put(Map.of("pk", s("INVITATION_TOKEN#" + hash), "sk", s("#TOKEN"), "workspaceId", s(ws), "invitationId", s("inv-1")));
        s3.putObject(r -> r.bucket(exportsBucket()).key("exports/" + ws + "/exp_1.zip"), RequestBody.fromString("zip"));
        s3.putObject(r -> r.bucket(badgesBucket()).key("badges/" + ws + "/badge-1"), RequestBody.fromString("png"));
        // An export cut short: its multipart upload was never completed nor aborted.
        s3.createMultipartUpload(r -> r.bucket(exportsBucket()).key("exports/" + ws + "/exp_2.zip"));
        return workspace;
    }

    /** The account an accept of the invitation opens (marked with it), as if the accept had stopped there. */
    static void leftoverAccount(String email, String invitationId) {
        aws.clients().cognito().adminCreateUser(r -> r.userPoolId(aws.userPoolId()).username(email)
                .messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value(email), a -> a.name("custom:invitation").value(invitationId)));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static void put(Map<String, AttributeValue> item) {
        aws.dynamo().putItem(r -> r.tableName(aws.tableName()).item(item));
    }

    /** Support opened, the Admin confirmed, support executed after the wait: the request is running and its message queued. */
    static DeletionRequest executed(String ws, String requestId, String adminId) {
        DeletionRequest open = DeletionRequest.open(requestId, ws, "SUP-7", "Customer Jane Doe left", "support:s1",
                clock.instant());
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy(adminId, clock.instant(), Duration.ofHours(72));
        requests.replace(open, confirmed, audit(confirmed));
        DeletionRequest running = confirmed.executedBy("support:s1", ws, clock.instant().plus(Duration.ofHours(72)));
        requests.replace(confirmed, running, audit(running));
        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue"))
                .messageBody("{\"deletionRequestId\":\"" + requestId + "\"}"));
        return running;
    }

    static AuditEvent audit(DeletionRequest r) {
        return new AuditEvent(r.workspaceId(), "support:s1", "workspace.deletion." + r.state().code(), "deletion-request",
                r.id(), clock.instant(), Map.of(), Map.of("state", r.state().code()));
    }

    static List<Map<String, AttributeValue>> partition(String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))).items().forEach(items::add);
        return items;
    }

    /**
     * Every item of the table that names the workspace, by its key: in its keys or index keys, or
     * as the workspace it points into (a principal, a token, a CRM identity carry {@code workspaceId}).
     */
    static Map<String, Map<String, AttributeValue>> itemsNaming(String ws) {
        Map<String, Map<String, AttributeValue>> found = new TreeMap<>();
        aws.dynamo().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().forEach(item -> {
            boolean inKeys = List.of("pk", "sk", "gsi1pk", "gsi1sk").stream().filter(item::containsKey)
                    .anyMatch(k -> item.get(k).s().contains(ws));
            boolean pointsIn = item.containsKey("workspaceId") && ws.equals(item.get("workspaceId").s());
            if (inKeys || pointsIn) {
                found.put(item.get("pk").s() + " / " + item.get("sk").s(), item);
            }
        });
        return found;
    }

    /** Everything the purge must remove and count: items of both partitions but the two the last step removes. */
    static long countableItems(String ws) {
        return partition("WS#" + ws).stream().filter(i -> !i.get("sk").s().equals("#WORKSPACE")
                && !i.get("sk").s().equals("#DELETION_LIVE")).count() + partition("WS#" + ws + "#AUDIT").size();
    }

    static int objects(String bucket, String prefix) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents().size();
    }

    static long uploads(String bucket, String prefix) {
        return s3.listMultipartUploads(r -> r.bucket(bucket).prefix(prefix)).uploads().stream()
                .filter(u -> u.key().startsWith(prefix)).count();
    }

    static boolean hasAccount(String email) {
        try {
            aws.clients().cognito().adminGetUser(r -> r.userPoolId(aws.userPoolId()).username(email));
            return true;
        } catch (UserNotFoundException gone) {
            return false;
        }
    }

    void assertGone(TestWorkspace gone, String requestId) {
        String ws = gone.id();
        Map<String, Map<String, AttributeValue>> left = itemsNaming(ws);
        assertThat(left.keySet()).as("the whole table holds nothing of %s but its tombstones", ws)
                .containsExactlyInAnyOrder("DELETION#" + requestId + " / #DELETION", "SUPPORT#WORKSPACES / WS#" + ws);
        Map<String, AttributeValue> entry = left.get("SUPPORT#WORKSPACES / WS#" + ws);
        assertThat(entry.get("state").s()).isEqualTo("deleted");
        assertThat(entry.get("deletionRequestId").s()).isEqualTo(requestId);
        assertThat(entry).doesNotContainKey("name");
        assertThat(partition("SUBJECT#" + gone.admin().subject())).isEmpty();
        assertThat(partition("SUBJECT#" + gone.crm().subject())).as("the CRM identity").isEmpty();
        assertThat(hasAccount("admin@" + ws + ".test")).isFalse();
        assertThat(hasAccount("rep@" + ws + ".test")).isFalse();
        assertThat(hasAccount(gone.crm().email())).as("the CRM's pool account").isFalse();
        assertThat(objects(exportsBucket(), "exports/" + ws + "/")).isZero();
        assertThat(objects(badgesBucket(), "badges/" + ws + "/")).isZero();
        assertThat(uploads(exportsBucket(), "exports/" + ws + "/")).as("unfinished uploads aborted").isZero();
    }

    @Test
    void an_executed_deletion_removes_every_trace_of_the_workspace_and_leaves_a_tombstone_without_personal_data() {
        TestWorkspace gone = seed("ws-gone");
        TestWorkspace kept = seed("ws-kept");
        Map<String, Map<String, AttributeValue>> keptBefore = itemsNaming("ws-kept");
        // Accepts of both pending invitations opened their accounts and then failed: left for a retry.
        leftoverAccount("invitee@ws-gone.test", "inv-1");
        leftoverAccount("invitee@ws-kept.test", "inv-1");
        executed("ws-gone", "del_gone", gone.admin().id());
        long items = countableItems("ws-gone");

        assertThat(driver.drain()).isEqualTo(1);

        assertGone(gone, "del_gone");
        assertThat(hasAccount("invitee@ws-gone.test")).as("an interrupted accept's account").isFalse();
        assertThat(hasAccount("invitee@ws-kept.test")).isTrue();
        DeletionRequest done = requests.find("del_gone").orElseThrow();
        assertThat(done.state()).isInstanceOfSatisfying(DeletionState.Done.class, d -> {
            assertThat(d.deleted()).isEqualTo(new PurgeCounts(3, 2, 1, items));
            assertThat(d.confirmedBy()).isEqualTo(gone.admin().id());
            assertThat(d.executedBy()).isEqualTo("support:s1");
        });
        assertThat(done.openedBy()).isEqualTo("support:s1");
        assertThat(done.ticket()).isEqualTo("SUP-7");
        Map<String, AttributeValue> tombstone = partition("DELETION#del_gone").get(0);
        assertThat(tombstone.toString()).as("no personal data").doesNotContain("Jane", "@ws-gone", "Remy", "Workspace ws-gone");

        assertThat(itemsNaming("ws-kept")).as("the other workspace, item by item").isEqualTo(keptBefore);
        assertThat(hasAccount("admin@ws-kept.test")).isTrue();
        assertThat(hasAccount(kept.crm().email())).isTrue();
        assertThat(objects(exportsBucket(), "exports/ws-kept/")).isEqualTo(1);
        assertThat(objects(badgesBucket(), "badges/ws-kept/")).isEqualTo(1);
        assertThat(uploads(exportsBucket(), "exports/ws-kept/")).isEqualTo(1);
    }

    @Test
    void a_crash_in_the_middle_is_finished_by_the_redelivery_with_the_same_counts_and_running_it_again_changes_nothing() {
        TestWorkspace gone = seed("ws-crash");
        executed("ws-crash", "del_crash", gone.admin().id());
        long items = countableItems("ws-crash");
        // The second batch of deletes in the table, the page's own items: by then the objects and uploads
        // are gone, the page is counted, its accounts are closed and the principals pointing in deleted.
        InjectedFaults.failNth(BatchWriteItemRequest.class, 2);

        assertThat(driver.pollOnce(Duration.ZERO)).isEqualTo(1);
        assertThat(requests.find("del_crash").orElseThrow().state()).as("the crash left it running")
                .isInstanceOf(DeletionState.Running.class);
        assertThat(objects(exportsBucket(), "exports/ws-crash/")).isZero();
        assertThat(hasAccount("admin@ws-crash.test")).isFalse();
        assertThat(partition("SUBJECT#" + gone.admin().subject())).isEmpty();
        assertThat(countableItems("ws-crash")).as("the counted page's items are still there").isEqualTo(items);

        assertThat(driver.drain()).as("the redelivered message").isEqualTo(1);

        assertGone(gone, "del_crash");
        DeletionState.Done done = (DeletionState.Done) requests.find("del_crash").orElseThrow().state();
        assertThat(done.deleted()).as("each thing counted once").isEqualTo(new PurgeCounts(3, 2, 1, items));
        Map<String, Map<String, AttributeValue>> table = itemsNaming("ws-crash");
        Map<String, AttributeValue> tombstone = partition("DELETION#del_crash").get(0);

        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue"))
                .messageBody("{\"deletionRequestId\":\"del_crash\"}"));
        assertThat(driver.drain()).isEqualTo(1);

        assertThat(itemsNaming("ws-crash")).isEqualTo(table);
        assertThat(partition("DELETION#del_crash").get(0)).isEqualTo(tombstone);
    }

    @Test
    void a_lost_answer_to_saving_the_purges_progress_is_retried_and_the_purge_finishes_in_the_same_run() {
        // The SDK retries a request whose answer was lost, after DynamoDB applied it. A plain
        // conditional update would fail its version condition on the retry and read as "another run
        // moved on": the run would stop and the message be deleted, the workspace left read-only.
        TestWorkspace gone = seed("ws-lost-answer");
        executed("ws-lost-answer", "del_lost", gone.admin().id());
        long items = countableItems("ws-lost-answer");
        int lostBefore = LostAnswers.lost();
        // Whatever form the write takes: a plain update, or a transaction of one update.
        LostAnswers.loseNext(request -> (request instanceof UpdateItemRequest update
                && update.updateExpression().contains("progressStep"))
                || (request instanceof TransactWriteItemsRequest transaction && transaction.transactItems().size() == 1
                && transaction.transactItems().get(0).update() != null
                && transaction.transactItems().get(0).update().updateExpression().contains("progressStep")));
        try {
            assertThat(driver.drain()).isEqualTo(1);
        } finally {
            LostAnswers.disarm();
        }

        assertThat(LostAnswers.lost()).as("an answer was lost").isEqualTo(lostBefore + 1);
        assertGone(gone, "del_lost");
        assertThat(((DeletionState.Done) requests.find("del_lost").orElseThrow().state()).deleted())
                .isEqualTo(new PurgeCounts(3, 2, 1, items));
    }

    @Test
    void a_workspace_of_ten_thousand_items_is_deleted_across_invocations_each_within_its_time() {
        TestWorkspace big = TestWorkspace.on(aws, "ws-big").admin().build();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", s("WS#ws-big"), "sk", s(String.format("DEAL#%05d", i)), "type", s("deal"),
                    "id", s("d" + i), "ownerUserId", s(big.admin().id()))).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), chunk)));
                batch.clear();
            }
        }
        executed("ws-big", "del_big", big.admin().id());
        long items = countableItems("ws-big");
        // Less time than the worker keeps in reserve: every invocation does one page and hands on.
        driver.budget(Duration.ofSeconds(30));

        int invocations = driver.drain();

        assertThat(invocations).as("continued across invocations").isGreaterThan(10_000 / 200);
        DeletionState.Done done = (DeletionState.Done) requests.find("del_big").orElseThrow().state();
        assertThat(done.deleted().items()).isEqualTo(items).isGreaterThan(10_000);
        assertThat(itemsNaming("ws-big").keySet()).containsExactlyInAnyOrder("DELETION#del_big / #DELETION",
                "SUPPORT#WORKSPACES / WS#ws-big");
    }

    @Test
    void a_request_that_was_never_executed_deletes_nothing() {
        TestWorkspace safe = seed("ws-safe");
        DeletionRequest open = DeletionRequest.open("del_safe", "ws-safe", "SUP-8", "x", "support:s1", clock.instant());
        requests.open(open, audit(open));
        Map<String, Map<String, AttributeValue>> before = itemsNaming("ws-safe");
        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.stack().physicalId("DeletionQueue"))
                .messageBody("{\"deletionRequestId\":\"del_safe\"}"));

        driver.drain();

        assertThat(itemsNaming("ws-safe")).isEqualTo(before);
        assertThat(hasAccount("admin@ws-safe.test")).isTrue();
        assertThat(objects(exportsBucket(), "exports/ws-safe/")).isEqualTo(1);
        assertThatThrownBy(() -> requests.find("del_safe").orElseThrow().finished(clock.instant(), PurgeCounts.NONE))
                .as("still open").hasMessageContaining("open");
    }
}
