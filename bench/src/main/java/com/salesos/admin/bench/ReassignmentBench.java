package com.salesos.admin.bench;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.aws.users.DynamoDealReassignments;
import com.salesos.admin.aws.users.DynamoUserStore;
import com.salesos.admin.aws.users.SqsReassignmentQueue;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.QueueDriver;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.functions.reassignmentworker.ReassignmentWorkerHandler;
import com.salesos.admin.functions.reassignmentworker.ReassignmentWorkerSettings;
import com.salesos.admin.users.DealReassignment;
import com.salesos.admin.users.DealReassignments;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Reassigning all of a user's deals against the emulator, the way the system does it: seeds a
 * workspace where one user owns {@code moved} deals among {@code others} deals of another user, then
 * times (1) finding the deals of a user who owns none (the owner index: nothing of the workspace is
 * read), (2) the request that starts the move (the first index page, the count for the estimate,
 * the job and its wake-up, as the users function does) and (3) the move itself: the reassignment
 * worker's real handler, driven from the template's queue as Lambda's event source mapping would
 * (each invocation with the function's timeout), at the template's pace unless one is given, until
 * the job succeeded. Prints the figures; asserts only that every deal moved once. Times against moto
 * measure moto's one-request-at-a-time server and its copy of the table per transaction, not
 * DynamoDB: compare runs, not absolute numbers.
 *
 * <p>Run: {@code bin/bench-reassign [moved=50000] [others=50000] [deals per second, default the template's]}
 */
public final class ReassignmentBench {

    private static final String WS = "ws-bench-reassign";

    private ReassignmentBench() {
    }

    public static void main(String[] args) throws Exception {
        int moved = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto); // every function's environment as system properties, as in the tests
            if (args.length > 2) {
                System.setProperty(ReassignmentWorkerSettings.REASSIGNMENT_DEALS_PER_SECOND, args[2]);
            }
            String pace = System.getProperty(ReassignmentWorkerSettings.REASSIGNMENT_DEALS_PER_SECOND);
            TestWorkspace.on(aws, WS).name("Bench").tier("enterprise").seatLimit(10)
                    .user("usr_admin", "admin@bench.test", "Admin", "admin")
                    .user("usr_from", "from@bench.test", "From", "sales-rep")
                    .user("usr_to", "to@bench.test", "To", "sales-rep")
                    .user("usr_other", "other@bench.test", "Other", "sales-rep")
                    .user("usr_nobody", "nobody@bench.test", "Nobody", "sales-rep")
                    .build();
            long seedStart = System.nanoTime();
            seed(aws, "mine", moved, "usr_from");
            seed(aws, "theirs", others, "usr_other");
            System.out.printf(Locale.ROOT, "Seeded %,d deals of usr_from and %,d of usr_other in %.1f s%n", moved, others,
                    seconds(seedStart));

            String table = aws.tableName();
            Clock clock = Clock.systemUTC();
            TimeOrderedIds ids = new TimeOrderedIds(clock, new SecureRandom());
            DynamoAuditLog auditLog = new DynamoAuditLog(table, ids);
            DynamoDealOwnership deals = new DynamoDealOwnership(aws.dynamo(), table, auditLog);
            DynamoDealReassignments jobs = new DynamoDealReassignments(aws.dynamo(), table, auditLog);
            DealReassignments reassignments = new DealReassignments(
                    new DynamoUserStore(aws.dynamo(), table, new DynamoSeatLedger(aws.dynamo(), table), auditLog), deals, jobs,
                    new SqsReassignmentQueue(aws.clients().sqs(), aws.stack().physicalId("ReassignmentQueue")), ids, clock);
            Caller admin = new Caller(WS, "usr_admin", "admin@bench.test", "Admin", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);

            long findStart = System.nanoTime();
            var none = reassignments.reassign(admin, "usr_nobody", "usr_to", Optional.empty());
            System.out.printf(Locale.ROOT, "Reassigning all deals of a user who owns none (%s): %.3f s%n",
                    ((DealReassignments.Reassignment.Done) none).moved() + " moved", seconds(findStart));

            long requestStart = System.nanoTime();
            DealReassignment job = ((DealReassignments.Reassignment.Started)
                    reassignments.reassign(admin, "usr_from", "usr_to", Optional.empty())).job();
            System.out.printf(Locale.ROOT, "The request that starts the move (202, estimate %,d): %.2f s%n", job.estimatedDeals(),
                    seconds(requestStart));

            try (ReassignmentWorkerHandler handler = new ReassignmentWorkerHandler(new LambdaApplicationContextBuilder())) {
                QueueDriver driver = new QueueDriver(aws.stack(), aws.clients().sqs(), "ReassignmentWorkerFunction", handler,
                        Duration.ofSeconds(1));
                long moveStart = System.nanoTime();
                int invocations = 0;
                int handled;
                while ((handled = driver.pollOnce(Duration.ofSeconds(1))) > 0 || jobs.find(job.ref()).orElseThrow().status().active()) {
                    invocations += handled;
                }
                double took = seconds(moveStart);
                DealReassignment done = jobs.find(job.ref()).orElseThrow();
                System.out.printf(Locale.ROOT, "Moving %,d deals in the background (pace %s deals/s): %.1f s, %d invocation(s), %,.0f deals/s, job %s%n",
                        done.moved(), pace, took, invocations, done.moved() / took, done.status().wireName());
                long left = deals.countOwnedBy(WS, "usr_from", Long.MAX_VALUE);
                long arrived = deals.countOwnedBy(WS, "usr_to", Long.MAX_VALUE);
                if (done.moved() != moved || left != 0 || arrived != moved) {
                    throw new IllegalStateException("moved " + done.moved() + ", " + left + " left, " + arrived + " arrived");
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void seed(LocalAws aws, String prefix, int count, String owner) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("DEAL#" + prefix + "-" + i),
                    "type", AttributeValue.fromS("deal"), "id", AttributeValue.fromS(prefix + "-" + i),
                    "name", AttributeValue.fromS("Deal " + i), "stage", AttributeValue.fromS("proposal"),
                    "amount", AttributeValue.fromS(Integer.toString(100_000 + i)), "currency", AttributeValue.fromS("EUR"),
                    "ownerUserId", AttributeValue.fromS(owner))).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), chunk)));
                batch.clear();
            }
        }
    }
}
