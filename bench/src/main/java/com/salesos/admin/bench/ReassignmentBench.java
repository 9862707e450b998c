package com.salesos.admin.bench;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.users.DynamoDealOwnership;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.users.DealOwnership;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Reassigning all of a user's deals against the emulator, the way the users function does it
 * (DealOwnership: page the owner's deal ids, move them in transactions of 99). Seeds a workspace
 * where one user owns {@code moved} deals among {@code others} deals of other owners, then times
 * (1) finding the deals of a user who owns none, which today reads the whole workspace, and
 * (2) moving the user's deals. Prints the figures; asserts nothing. Times against moto measure
 * moto's one-request-at-a-time server, not DynamoDB: compare runs, not absolute numbers.
 *
 * <p>Run (after a build of the bench module; bin/bench-exports writes bench/target/classpath.txt):
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.salesos.admin.bench.ReassignmentBench 50000 50000}
 */
public final class ReassignmentBench {

    private static final String WS = "ws-bench-reassign";

    private ReassignmentBench() {
    }

    public static void main(String[] args) throws Exception {
        int moved = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto);
            aws.workspaces().createWorkspace(WS, "Bench", "enterprise", 250);
            long seedStart = System.nanoTime();
            seed(aws, "mine", moved, "usr_from");
            seed(aws, "theirs", others, "usr_other");
            System.out.printf(Locale.ROOT, "Seeded %,d deals of usr_from and %,d of others in %.1f s%n", moved, others,
                    (System.nanoTime() - seedStart) / 1e9);

            AtomicLong ids = new AtomicLong();
            DealOwnership deals = new DynamoDealOwnership(aws.dynamo(), aws.tableName(),
                    new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_" + ids.incrementAndGet()));

            long findStart = System.nanoTime();
            int found = allOwnedBy(deals, "usr_nobody").size();
            System.out.printf(Locale.ROOT, "Finding the deals of a user who owns none (%d found): %.2f s%n", found,
                    (System.nanoTime() - findStart) / 1e9);

            long moveStart = System.nanoTime();
            List<String> mine = allOwnedBy(deals, "usr_from");
            long listed = System.nanoTime();
            AuditEvent audit = new AuditEvent(WS, "usr_admin", "deals.reassigned", "user", "usr_from", Instant.now(),
                    Map.of("ownerUserId", "usr_from"), Map.of("ownerUserId", "usr_to"));
            int done = deals.transfer(WS, mine, "usr_from", "usr_to", audit).size();
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "Moving %,d deals: %.2f s (listing %.2f s, moving %.2f s, %,.0f deals/s)%n", done,
                    (end - moveStart) / 1e9, (listed - moveStart) / 1e9, (end - listed) / 1e9, done / ((end - listed) / 1e9));
        }
    }

    private static List<String> allOwnedBy(DealOwnership deals, String userId) {
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            DealOwnership.DealPage page = deals.ownedBy(WS, userId, cursor);
            ids.addAll(page.dealIds());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return ids;
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
