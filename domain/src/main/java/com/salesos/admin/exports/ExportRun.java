package com.salesos.admin.exports;

import com.salesos.admin.common.Pacer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation's work on a claimed job: stream each entity's records, page by page, as CSV into
 * the zip, upload the zip part by part, save a checkpoint after every part, and stop at a part
 * boundary when the next part might not fit in the time left. Page reads are paced.
 */
final class ExportRun {

    /** CSV text is handed to the compressor in chunks of about this many characters. */
    private static final int ROW_BATCH = 32 * 1024;
    /**
     * Progress is for the job page only (checkpoints, saved per part, are what resumes), so it is
     * written every few pages: each save is a write to the workspace's own partition.
     */
    private static final int PAGES_PER_PROGRESS = 5;

    private final ExportJob job;
    private final String leaseId;
    private final Instant deadline;
    private final ExportJobStore jobs;
    private final ExportRecords records;
    private final ExportFiles files;
    private final ExportQueue queue;
    private final Clock clock;
    private final int partSize;
    private final Pacer pages;

    private final StringBuilder rows = new StringBuilder(ROW_BATCH + 4096);
    private long pagesRead;
    private final Map<ExportEntity, Long> counts = new EnumMap<>(ExportEntity.class);
    private ResumableSha256 sha256;
    private PartUpload upload;
    private ZipStreamWriter zip;
    private Instant partStarted;
    private Duration slowestPart = Duration.ZERO;

    ExportRun(ExportJob job, String leaseId, Instant deadline, ExportJobStore jobs, ExportRecords records,
              ExportFiles files, ExportQueue queue, Clock clock, int partSize, Pacer pages) {
        this.job = job;
        this.leaseId = leaseId;
        this.deadline = deadline;
        this.jobs = jobs;
        this.records = records;
        this.files = files;
        this.queue = queue;
        this.clock = clock;
        this.partSize = partSize;
        this.pages = pages;
    }

    ExportWorker.Outcome execute() {
        ExportCheckpoint start = job.checkpoint().orElseGet(this::freshStart);
        if (start.sealed().isPresent()) {
            return complete(start, start.sealed().get());
        }
        counts.putAll(start.counts());
        sha256 = new ResumableSha256(start.sha256());
        upload = new PartUpload(files, start.objectKey(), start.uploadId(), start.parts(), sha256, partSize);
        zip = new ZipStreamWriter(start.archive(), upload);
        partStarted = clock.instant();
        try {
            List<ExportEntity> entities = job.entities();
            for (int index = start.entityIndex(); index < entities.size(); index++) {
                ExportEntity entity = entities.get(index);
                if (!zip.hasOpenEntry()) {
                    zip.beginEntry(entity.fileName());
                    CsvRow.append(entity.columns(), rows);
                }
                Optional<String> after = index == start.entityIndex() ? start.after() : Optional.empty();
                if (!writeEntity(index, entity, after)) {
                    return new ExportWorker.Outcome.Continued(upload.parts().size());
                }
                zip.endEntry();
            }
            zip.finish();
        } catch (RuntimeException e) {
            zip.abandon();
            throw e;
        }
        upload.uploadBuffered();
        ResumableSha256.State hashed = sha256.state();
        ExportResult result = new ExportResult(counts, zip.bytesWritten(), ExportWorker.hex(sha256.digest()),
                upload.key(), clock.instant().plus(ExportWorker.RETENTION));
        ExportCheckpoint sealed = new ExportCheckpoint(upload.key(), upload.uploadId(), upload.parts(),
                job.entities().size(), Optional.empty(), counts, zip.flushPoint(), hashed, Optional.of(result));
        jobs.saveCheckpoint(job.ref(), leaseId, sealed, false);
        return complete(sealed, result);
    }

    /** Writes the entity's records after {@code after}; false when the run stopped at a checkpoint. */
    private boolean writeEntity(int index, ExportEntity entity, Optional<String> after) {
        Optional<String> position = after;
        while (true) {
            // Paced: an export reads at most so many pages a second from the workspace's partition.
            pages.pace(1);
            ExportRecords.RecordPage page = records.page(job.workspaceId(), entity, position);
            for (ExportRecords.ExportRecord record : page.records()) {
                CsvRow.append(record.values(), rows);
                counts.merge(entity, 1L, Long::sum);
                position = Optional.of(record.position());
                if (rows.length() >= ROW_BATCH) {
                    compressRows();
                    if (upload.full() && stopsAfterPart(index, position)) {
                        return false;
                    }
                }
            }
            compressRows();
            if (upload.full() && stopsAfterPart(index, position)) {
                return false;
            }
            pagesRead++;
            if (page.last() || pagesRead % PAGES_PER_PROGRESS == 0) {
                jobs.saveProgress(job.ref(), leaseId, counts);
            }
            if (page.last()) {
                return true;
            }
        }
    }

    private void compressRows() {
        if (rows.length() > 0) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            zip.write(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }

    /**
     * Uploads the filled part and saves a checkpoint after it. Answers true (and wakes the next
     * invocation) when another part, taking as long as the slowest so far, might overrun the deadline.
     */
    private boolean stopsAfterPart(int index, Optional<String> position) {
        ArchiveState archive = zip.flushPoint();
        upload.uploadBuffered();
        Instant now = clock.instant();
        Duration took = Duration.between(partStarted, now);
        slowestPart = took.compareTo(slowestPart) > 0 ? took : slowestPart;
        partStarted = now;
        boolean stop = now.plus(slowestPart.multipliedBy(2)).isAfter(deadline);
        ExportCheckpoint checkpoint = new ExportCheckpoint(upload.key(), upload.uploadId(), upload.parts(), index,
                position, counts, archive, sha256.state(), Optional.empty());
        jobs.saveCheckpoint(job.ref(), leaseId, checkpoint, stop);
        if (stop) {
            zip.abandon();
            queue.wakeUp(job.ref());
        }
        return stop;
    }

    private ExportWorker.Outcome complete(ExportCheckpoint checkpoint, ExportResult result) {
        files.complete(checkpoint.objectKey(), checkpoint.uploadId(), checkpoint.parts());
        Instant at = clock.instant();
        jobs.succeed(job.ref(), leaseId, result, at);
        return new ExportWorker.Outcome.Succeeded(job.succeeded(result, at));
    }

    private ExportCheckpoint freshStart() {
        String key = "exports/" + job.workspaceId() + "/" + job.id() + ".zip";
        LocalDateTime created = LocalDateTime.ofInstant(job.createdAt(), ZoneOffset.UTC);
        int dosTime = (created.getHour() << 11) | (created.getMinute() << 5) | (created.getSecond() / 2);
        int dosDate = ((created.getYear() - 1980) << 9) | (created.getMonthValue() << 5) | created.getDayOfMonth();
        return new ExportCheckpoint(key, files.startUpload(key), List.of(), 0, Optional.empty(), Map.of(),
                ArchiveState.empty(dosTime, dosDate), ResumableSha256.State.initial(), Optional.empty());
    }
}
