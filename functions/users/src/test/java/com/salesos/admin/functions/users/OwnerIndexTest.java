package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.aws.users.DynamoDealReassignments;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.users.DealOwnership;
import com.salesos.admin.users.DealReassignment;
import com.salesos.admin.users.ReassignmentRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The owner index against the emulator, through the adapter the users function and the worker use:
 * finding a user's deals reads that user's index entries and nothing else of the workspace, however
 * many deals the workspace holds; another workspace's entries never show; moves commit what still
 * belongs to the source and nothing else.
 */
@ExtendWith(LocalAwsExtension.class)
class OwnerIndexTest {

    static final String WS = "ws-index";
    static final int OTHERS = 3_000;
    static LocalAws aws;
    static final AtomicInteger queries = new AtomicInteger();
    static final AtomicInteger itemsRead = new AtomicInteger();
    static final List<String> queriedWithoutIndex = new ArrayList<>();
    /** When positive, the transaction that brings it to zero fails before reaching the emulator. */
    static final AtomicInteger transactionsUntilFailure = new AtomicInteger();
    static DynamoDealOwnership deals;

    @BeforeAll
    static void setUp(LocalAws localAws) {
        aws = localAws;
        TestWorkspace.on(aws, WS).name("Index").tier("team").seatLimit(10)
                .user("usr_admin", "admin@index.test", "Admin", "admin")
                .user("usr_busy", "busy@index.test", "Busy", "sales-rep")
                .user("usr_few", "few@index.test", "Few", "sales-rep")
                .user("usr_idle", "idle@index.test", "Idle", "sales-rep")
                .user("usr_to", "to@index.test", "To", "sales-rep")
                .build();
        TestWorkspace.on(aws, "ws-elsewhere").name("Elsewhere").tier("team").seatLimit(5)
                .user("usr_few", "few@elsewhere.test", "Same Id", "sales-rep").build();
        DealFixtures.seed(aws, WS, "busy", OTHERS, "usr_busy");
        DealFixtures.seed(aws, WS, "few", 7, "usr_few");
        DealFixtures.seed(aws, "ws-elsewhere", "theirs", 5, "usr_few");
        AtomicLong ids = new AtomicLong();
        deals = new DynamoDealOwnership(countingClient(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_" + ids.incrementAndGet()));
    }

    @BeforeEach
    void resetCounts() {
        queries.set(0);
        itemsRead.set(0);
        queriedWithoutIndex.clear();
    }

    @Test
    void finding_the_deals_of_a_user_who_owns_none_reads_nothing_of_the_workspaces_deals() {
        assertThat(deals.ownedBy(WS, "usr_idle", Optional.empty(), 1_001).deals()).isEmpty();
        assertThat(deals.countOwnedBy(WS, "usr_idle", 100_000)).isZero();
        assertThat(deals.dealsOf(WS, "usr_idle", PageRequest.of(200, null)).items()).isEmpty();

        assertThat(itemsRead.get()).as("items DynamoDB read for a user owning nothing among %d deals", OTHERS).isZero();
        assertThat(queries.get()).isEqualTo(3);
        assertThat(queriedWithoutIndex).as("every query went through the owner index").isEmpty();
    }

    @Test
    void a_users_deals_cost_what_that_user_owns_not_what_the_workspace_holds() {
        assertThat(deals.ownedBy(WS, "usr_few", Optional.empty(), 1_001).dealIds()).hasSize(7).allMatch(id -> id.startsWith("few-"));
        assertThat(itemsRead.get()).as("the user's own deals plus the same id's deals in the other workspace").isEqualTo(12);
        assertThat(deals.countOwnedBy(WS, "usr_few", 100_000)).isEqualTo(7);
        assertThat(deals.dealsOf(WS, "usr_few", PageRequest.of(200, null)).items())
                .extracting(DealOwnership.Deal::id).hasSize(7).allMatch(id -> id.startsWith("few-"));
    }

    @Test
    void a_listing_goes_on_from_any_position_and_deals_moved_away_do_not_shift_it() {
        DealOwnership.OwnedPage first = deals.ownedBy(WS, "usr_busy", Optional.empty(), 3);
        assertThat(first.dealIds()).containsExactly("busy-0", "busy-1", "busy-10");
        // The position of any entry works as a checkpoint, not only the page's end.
        DealOwnership.OwnedPage fromSecond = deals.ownedBy(WS, "usr_busy", Optional.of(first.deals().get(1).position()), 2);
        assertThat(fromSecond.dealIds()).containsExactly("busy-10", "busy-100");
        deals.transfer(WS, List.of("busy-100", "busy-1000"), "usr_busy", "usr_to", audit());

        assertThat(deals.ownedBy(WS, "usr_busy", first.after(), 2).dealIds()).containsExactly("busy-1001", "busy-1002");

        var listing = deals.dealsOf(WS, "usr_busy", PageRequest.of(2, null));
        assertThat(deals.dealsOf(WS, "usr_busy", PageRequest.of(2, listing.nextCursor().orElseThrow())).items())
                .extracting(DealOwnership.Deal::id).containsExactly("busy-10", "busy-1001");
    }

    @Test
    void a_move_commits_what_still_belongs_to_the_source_and_nothing_else_in_one_audit_record_per_batch() {
        DealFixtures.seed(aws, WS, "mixed", 5, "usr_busy");
        setOwner("mixed-2", "usr_admin"); // changed by the CRM meanwhile: the index may still list it

        var transfer = deals.transfer(WS, List.of("mixed-0", "mixed-1", "mixed-2", "mixed-3", "no-such-deal", "mixed-4"),
                "usr_busy", "usr_to", audit());

        assertThat(transfer.receiverInactive()).isFalse();
        assertThat(transfer.moved()).containsExactly("mixed-0", "mixed-1", "mixed-3", "mixed-4");
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_to", "mixed-")).isEqualTo(4);
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_admin", "mixed-")).isEqualTo(1);
        var audits = aws.dynamo().query(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + WS + "#AUDIT")))).items().stream()
                .filter(i -> i.get("after").m().containsKey("dealIds")
                        && i.get("after").m().get("dealIds").l().stream().anyMatch(v -> v.s().startsWith("mixed-"))).toList();
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).get("after").m().get("dealIds").l()).extracting(AttributeValue::s)
                .containsExactly("mixed-0", "mixed-1", "mixed-3", "mixed-4");
    }

    @Test
    void a_move_to_a_user_who_is_no_longer_active_commits_nothing() {
        DealFixtures.seed(aws, WS, "late", 3, "usr_busy");
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("USER#usr_idle")))
                .updateExpression("SET #s = :d").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("DEACTIVATED"))));

        var transfer = deals.transfer(WS, List.of("late-0", "late-1", "late-2"), "usr_busy", "usr_idle", audit());

        assertThat(transfer.receiverInactive()).isTrue();
        assertThat(transfer.moved()).isEmpty();
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_busy", "late-")).isEqualTo(3);
    }

    @Test
    void a_transfer_whose_second_transaction_fails_says_exactly_which_deals_the_first_moved() {
        DealFixtures.seed(aws, WS, "cut", 150, "usr_busy");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add("cut-" + i);
        }
        transactionsUntilFailure.set(2);

        var transfer = deals.transfer(WS, ids, "usr_busy", "usr_to", audit());

        assertThat(transfer.moved()).hasSize(97).isEqualTo(ids.subList(0, 97));
        assertThat(transfer.interruptedBy()).get().isInstanceOf(SdkClientException.class);
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_to", "cut-")).isEqualTo(97);
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_busy", "cut-")).isEqualTo(53);

        transactionsUntilFailure.set(1);
        assertThatThrownBy(() -> deals.transfer(WS, ids, "usr_busy", "usr_to", audit()))
                .as("failing before anything moved: the failure as it is").isInstanceOf(SdkClientException.class);
    }

    @Test
    void no_deal_moves_and_no_background_move_starts_once_the_workspaces_deletion_is_confirmed() {
        String ws = "ws-deleting";
        TestWorkspace.on(aws, ws).name("Deleting").tier("team").seatLimit(5)
                .user("usr_del_admin", "admin@deleting.test", "Admin", "admin")
                .user("usr_del_from", "from@deleting.test", "From", "sales-rep")
                .user("usr_del_to", "to@deleting.test", "To", "sales-rep")
                .build();
        DealFixtures.seed(aws, ws, "kept", 3, "usr_del_from");
        AtomicLong ids = new AtomicLong();
        DynamoAuditLog auditLog = new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_del_" + ids.incrementAndGet());
        DynamoDeletionRequests requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(), auditLog);
        Instant now = Instant.parse("2026-03-01T09:00:00Z");
        DeletionRequest open = DeletionRequest.open("del_owner_index", ws, "SUP-9", "test", "support:s1", now);
        requests.open(open, deletionAudit(open));
        assertThat(requests.replace(open, open.confirmedBy("usr_del_admin", now, Duration.ofHours(72)), deletionAudit(open))).isTrue();
        List<String> owned = deals.ownedBy(ws, "usr_del_from", Optional.empty(), 10).dealIds();
        assertThat(owned).hasSize(3);
        AuditEvent audit = new AuditEvent(ws, "usr_del_admin", "user.deals-reassigned", "user", "usr_del_from", now,
                Map.of(), Map.of());

        // The store itself refuses, whatever an access filter saw a moment earlier.
        assertThatThrownBy(() -> deals.transfer(ws, owned, "usr_del_from", "usr_del_to", audit))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("workspace-being-deleted");
                    assertThat(e.extensions()).containsEntry("deletionRequestId", "del_owner_index");
                });
        DynamoDealReassignments jobs = new DynamoDealReassignments(aws.dynamo(), aws.tableName(), auditLog);
        assertThatThrownBy(() -> jobs.create(DealReassignment.queued("dra_locked", ws, "usr_del_from", "usr_del_to",
                "usr_del_admin", 3, false, now)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("workspace-being-deleted"));

        assertThat(DealFixtures.countOwnedBy(aws, ws, "usr_del_from", "kept-")).isEqualTo(3);
        assertThat(jobs.find(new ReassignmentRef(ws, "dra_locked"))).isEmpty();
    }

    private static AuditEvent deletionAudit(DeletionRequest request) {
        return new AuditEvent(request.workspaceId(), "support:s1", "workspace.deletion.test", "deletion-request",
                request.id(), Instant.parse("2026-03-01T09:00:00Z"), Map.of(), Map.of());
    }

    private static AuditEvent audit() {
        return new AuditEvent(WS, "usr_admin", "user.deals-reassigned", "user", "usr_busy", Instant.parse("2026-03-01T09:00:00Z"),
                Map.of("ownerUserId", "usr_busy"), Map.of("ownerUserId", "usr_to"));
    }

    private static void setOwner(String dealId, String owner) {
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName())
                .key(Map.of("pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("DEAL#" + dealId)))
                .updateExpression("SET ownerUserId = :o").expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner))));
    }

    /** A client that counts queries and the items DynamoDB read for them (ScannedCount, before any filter). */
    private static DynamoDbClient countingClient() {
        return DynamoDbClient.builder().endpointOverride(aws.clients().endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        EmulatorClients.ACCESS_KEY, EmulatorClients.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof TransactWriteItemsRequest
                                && transactionsUntilFailure.get() > 0 && transactionsUntilFailure.decrementAndGet() == 0) {
                            throw SdkClientException.create("injected: the connection dropped");
                        }
                    }

                    @Override
                    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
                        if (context.response() instanceof QueryResponse query) {
                            queries.incrementAndGet();
                            itemsRead.addAndGet(query.scannedCount());
                            QueryRequest request = (QueryRequest) context.request();
                            if (request.indexName() == null) {
                                queriedWithoutIndex.add(request.keyConditionExpression());
                            }
                        }
                    }
                })).build();
    }
}
