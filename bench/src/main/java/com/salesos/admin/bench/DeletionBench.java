package com.salesos.admin.bench;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.aws.support.DynamoS3WorkspacePurge;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.DeletionWorker;
import com.salesos.admin.support.PurgeCounts;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Purging a workspace of {@code items} table items (plus {@code users} users with sign-in accounts
 * and {@code objects} stored objects) against the emulator, the way the deletion worker does it
 * (DeletionWorker with its real adapters: pages of 200 items, progress saved before each page,
 * batch deletes of 25, accounts closed through Cognito, objects deleted 1,000 at a time), with the
 * worker's full 15-minute budget. Prints the time and the rate; asserts nothing. Against moto it
 * measures moto's one-request-at-a-time server, not DynamoDB: compare runs, not absolute numbers.
 *
 * <p>Run (after a build of the bench module, e.g. bin/bench-exports once, which writes
 * bench/target/classpath.txt):
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.salesos.admin.bench.DeletionBench 10000 20 50 3}
 */
public final class DeletionBench {

    private DeletionBench() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int objects = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                String ws = "ws-bench-delete-" + run;
                long seeded = seed(aws, ws, items, users, objects);
                Clock clock = Clock.systemUTC();
                DynamoDeletionRequests requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                        new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(clock, new SecureRandom())));
                DeletionRequest running = executed(requests, ws, clock);
                AtomicInteger handOvers = new AtomicInteger();
                DeletionWorker worker = new DeletionWorker(requests,
                        new DynamoS3WorkspacePurge(aws.dynamo(), aws.tableName(), aws.clients().s3(), aws.accounts(),
                                aws.stack().physicalId("ExportsBucket"), aws.stack().physicalId("BadgeImagesBucket")),
                        request -> handOvers.incrementAndGet(), clock);

                long start = System.nanoTime();
                DeletionWorker.Outcome outcome = worker.run(running.id(), Duration.ofMinutes(15));
                double seconds = (System.nanoTime() - start) / 1e9;

                PurgeCounts deleted = ((DeletionWorker.Outcome.Finished) outcome).deleted();
                double rate = deleted.items() / seconds;
                rates.add(rate);
                System.out.printf(Locale.ROOT, "run %d: %,d items (%,d seeded), %d accounts, %d objects deleted in %.2f s:"
                                + " %,.0f items/s, %d hand-overs%n", run, deleted.items(), seeded, deleted.accounts(),
                        deleted.objects(), seconds, rate, handOvers.get());
            }
            rates.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median: %,.0f items/s%n", rates.get(rates.size() / 2));
        }
    }

    /** A workspace with users (sign-in accounts, principals), deals and objects; answers the items in its partitions. */
    private static long seed(LocalAws aws, String ws, int items, int users, int objects) {
        aws.workspaces().createWorkspace(ws, "Bench", "enterprise", users + 10);
        for (int u = 0; u < users; u++) {
            aws.workspaces().addUser(ws, "usr_" + u, "user" + u + "@" + ws + ".test", "User " + u, u == 0 ? "admin" : "sales-rep",
                    null, "Correct-Horse-9-Battery");
        }
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS(String.format("DEAL#%06d", i)),
                    "type", AttributeValue.fromS("deal"), "id", AttributeValue.fromS("deal-" + i),
                    "name", AttributeValue.fromS("Deal " + i), "ownerUserId", AttributeValue.fromS("usr_0"))).build()).build());
            if (batch.size() == 25 || i == items - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), chunk)));
                batch.clear();
            }
        }
        String bucket = aws.stack().physicalId("ExportsBucket");
        for (int o = 0; o < objects; o++) {
            String key = "exports/" + ws + "/exp_" + o + ".zip";
            aws.clients().s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("zip " + key));
        }
        return aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + ws)))).items().stream().count()
                + aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + ws + "#AUDIT")))).items().stream().count();
    }

    /** Opened, confirmed, executed: as support and an Admin leave it for the worker. */
    private static DeletionRequest executed(DynamoDeletionRequests requests, String ws, Clock clock) {
        DeletionRequest open = DeletionRequest.open("del_" + ws, ws, "BENCH-1", "benchmark", "support:bench",
                clock.instant().minus(Duration.ofDays(4)));
        requests.open(open, audit(open, clock));
        DeletionRequest confirmed = open.confirmedBy("usr_0", clock.instant().minus(Duration.ofDays(4)), Duration.ofHours(72));
        requests.replace(open, confirmed, audit(confirmed, clock));
        DeletionRequest running = confirmed.executedBy("support:bench", ws, clock.instant());
        requests.replace(confirmed, running, audit(running, clock));
        return running;
    }

    private static AuditEvent audit(DeletionRequest request, Clock clock) {
        return new AuditEvent(request.workspaceId(), "support:bench", "workspace.deletion." + request.state().code(),
                "deletion-request", request.id(), clock.instant(), Map.of(), Map.of());
    }
}
