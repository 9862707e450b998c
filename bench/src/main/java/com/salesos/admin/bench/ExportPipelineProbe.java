package com.salesos.admin.bench;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.exports.DynamoExportJobs;
import com.salesos.admin.aws.exports.S3ExportFiles;
import com.salesos.admin.aws.exports.SesExportMailer;
import com.salesos.admin.aws.exports.SqsExportQueue;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportJob;
import com.salesos.admin.exports.ExportStatus;
import com.salesos.admin.exports.ExportWorker;
import com.salesos.admin.functions.exportworker.ExportWorkerSettings;
import com.salesos.admin.exports.Notice;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import com.salesos.admin.common.Pacer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One export of N generated deals through the worker with the real adapters against the emulator
 * (DynamoDB job and checkpoints, S3 multipart, SQS, SES), in a fresh JVM. Prints one line:
 * {@code records seconds zipBytes csvBytes maxLiveHeapBytes}; with "heap" as second argument it
 * also measures the live heap (and runs slower), otherwise the last figure is 0.
 */
public final class ExportPipelineProbe {

    private ExportPipelineProbe() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        HeapWatch heap = new HeapWatch(args.length > 1 && args[1].equals("heap"));
        // The worker's own settings, from the ExportWorkerFunction environment ExportBench gives this JVM.
        ExportWorkerSettings settings = ExportWorkerSettings.fromEnvironment();
        String table = settings.shared().tableName();
        Clock clock = Clock.systemUTC();
        var ids = new TimeOrderedIds(clock, new SecureRandom());
        try (AwsClients clients = new AwsClients(settings.shared().aws(), List.of())) {
            var dynamo = clients.dynamoDb();
            var jobs = new DynamoExportJobs(dynamo, table, new DynamoAuditLog(table, ids));
            String ws = "ws-bench-" + records;
            ExportJob job = new ExportJob(ids.newId("exp"), ws, "usr_bench", "bench@bench.test", "Bench", List.of(ExportEntity.DEALS),
                    ExportStatus.QUEUED, Map.of(), Optional.empty(), Optional.empty(), clock.instant(), Optional.empty(),
                    Optional.empty(), Notice.NONE);
            jobs.create(job, new AuditEvent(ws, "usr_bench", "export.requested", "export", job.id(), clock.instant(), Map.of(), Map.of()),
                    Optional.empty());
            ExportWorker worker = new ExportWorker(jobs, new SyntheticDeals(records),
                    new S3ExportFiles(com.salesos.admin.aws.clients.S3Clients.client(clients), settings.exportsBucket()),
                    new SqsExportQueue(clients.configure(SqsClient.builder(), "SQS").build(), settings.exportQueueUrl()),
                    new SesExportMailer(clients.configure(SesV2Client.builder(), "SESV2").build(), settings.senderAddress(), settings.appUrl()), clock,
                    settings.partSizeBytes(), Pacer.unpaced()); // generated pages, not the table's: the pipeline itself is measured
            heap.start();
            long started = System.nanoTime();
            ExportWorker.Outcome outcome = worker.wake(job.ref(), Duration.ofMinutes(15), "lease-bench");
            double seconds = (System.nanoTime() - started) / 1e9;
            heap.stop();
            if (!(outcome instanceof ExportWorker.Outcome.Succeeded succeeded)) {
                throw new IllegalStateException("export did not finish: " + outcome);
            }
            System.out.printf(java.util.Locale.ROOT, "%d %.3f %d %d %d%n", records, seconds, succeeded.result().sizeBytes(),
                    CsvZipThroughput.csvBytes(records), heap.maxLive());
        }
    }

    /**
     * The live heap during the export: a second thread asks for a full collection every 50 ms,
     * and the collector's own report of the heap right after each of those collections is kept
     * (read from the GC notification, so nothing the export allocates afterwards counts). Used
     * only in "heap" mode, since the collections slow the export down.
     */
    static final class HeapWatch {
        private final boolean enabled;
        private final java.util.concurrent.atomic.AtomicLong maxLive = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(p -> p.getName())
                .collect(java.util.stream.Collectors.toSet());
        private volatile boolean running;
        private volatile boolean sampling;
        private Thread sampler;

        HeapWatch(boolean enabled) {
            this.enabled = enabled;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    if (running && "System.gc()".equals(info.getGcCause())) {
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        maxLive.accumulateAndGet(after, Math::max);
                    }
                }, n -> com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()), null);
            }
        }

        void start() {
            if (!enabled) {
                return;
            }
            running = true;
            sampling = true;
            sampler = new Thread(() -> {
                while (sampling) {
                    System.gc();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            sampling = false;
            if (sampler != null) {
                sampler.join();
            }
            Thread.sleep(100); // let the last notification arrive
            running = false;
        }

        long maxLive() {
            return maxLive.get();
        }
    }
}
