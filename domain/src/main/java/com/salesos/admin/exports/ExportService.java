package com.salesos.admin.exports;

import com.salesos.admin.access.Caller;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What admins do with exports: request one, follow it, download the result. */
public final class ExportService {

    /** A job still queued this long after its request has lost its wake-up; the next request resends it. */
    static final Duration STALE_QUEUED = Duration.ofMinutes(15);

    private final ExportJobStore jobs;
    private final ExportQueue queue;
    private final ExportDownloads downloads;
    private final IdGenerator ids;
    private final Clock clock;

    public ExportService(ExportJobStore jobs, ExportQueue queue, ExportDownloads downloads, IdGenerator ids, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.downloads = downloads;
        this.ids = ids;
        this.clock = clock;
    }

    public record Requested(ExportJob job, boolean replayed) {
    }

    public Requested request(Caller caller, List<String> entityNames, Optional<String> clientKey) {
        List<ExportEntity> entities = entities(entityNames);
        Optional<IdempotencyKey> key = IdempotencyKey.of("exports", caller.userId(), clientKey.orElse(null),
                entities.stream().map(ExportEntity::wireName).collect(Collectors.joining(",")));
        Instant now = clock.instant();
        ExportJob job = new ExportJob(ids.newId("exp"), caller.workspaceId(), caller.userId(), caller.email(),
                caller.name(), entities, ExportStatus.QUEUED, Map.of(), Optional.empty(), Optional.empty(), now,
                Optional.empty(), Optional.empty(), Notice.NONE);
        ExportJobStore.Creation creation = jobs.create(job, audit(caller, "export.requested", job, now), key);
        if (creation instanceof ExportJobStore.Creation.Created) {
            return new Requested(wakeOrWithdraw(caller, job, key), false);
        }
        if (creation instanceof ExportJobStore.Creation.Replayed replayed) {
            if (!replayed.sameRequest()) {
                throw IdempotencyKey.reusedForAnotherRequest();
            }
            return new Requested(jobs.find(new ExportRef(caller.workspaceId(), replayed.jobId())).orElseThrow(), true);
        }
        throw busy(caller, ((ExportJobStore.Creation.Busy) creation).activeJobId(), now);
    }

    public ExportJob get(Caller caller, String jobId) {
        return ref(caller, jobId).flatMap(jobs::find).orElseThrow(() -> DomainException.notFound("Export " + jobId));
    }

    public Page<ExportJob> list(Caller caller, PageRequest page) {
        return jobs.list(caller.workspaceId(), page);
    }

    /** A link valid for a few minutes; refused while the job is not done and once the file has expired. */
    public URI downloadLink(Caller caller, String jobId) {
        ExportJob job = get(caller, jobId);
        if (job.status() != ExportStatus.SUCCEEDED) {
            throw DomainException.conflict("export-not-ready", "Export not ready",
                    "Export " + job.id() + " is " + job.status().name().toLowerCase() + "; it can be downloaded once it succeeded");
        }
        ExportResult result = job.result().orElseThrow();
        if (!clock.instant().isBefore(result.expiresAt())) {
            throw new DomainException(ProblemKind.GONE, "export-expired", "Export expired",
                    "Export files are kept for " + ExportWorker.RETENTION.toDays() + " days; this one expired at "
                            + result.expiresAt() + ". Start a new export.");
        }
        return downloads.downloadLink(result.objectKey(), job.fileName());
    }

    private static List<ExportEntity> entities(List<String> names) {
        if (names == null || names.isEmpty()) {
            // API.md: a request that picks nothing exports everything the workspace holds.
            return List.of(ExportEntity.values());
        }
        Set<ExportEntity> chosen = EnumSet.noneOf(ExportEntity.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<ExportEntity> entity = name == null ? Optional.empty() : ExportEntity.fromWireName(name);
            entity.ifPresentOrElse(chosen::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalidField("entities", "unknown " + String.join(", ", unknown) + "; choose from " + known());
        }
        return List.copyOf(chosen); // EnumSet order: the files always come in the same order
    }

    private static String known() {
        return EnumSet.allOf(ExportEntity.class).stream().map(ExportEntity::wireName).collect(Collectors.joining(", "));
    }

    /** The job as queued, or as a worker already took it when the send's answer was lost but the message arrived. */
    private ExportJob wakeOrWithdraw(Caller caller, ExportJob job, Optional<IdempotencyKey> key) {
        try {
            queue.wakeUp(job.ref());
            return job;
        } catch (ExportQueue.QueueUnavailable e) {
            if (jobs.withdraw(job, key, audit(caller, "export.withdrawn", job, clock.instant()))) {
                throw new DomainException(ProblemKind.UNAVAILABLE, "queue-unavailable", "Export queue unavailable",
                        "The export could not be queued and was not created; try again in a moment");
            }
            return jobs.find(job.ref()).orElse(job);
        }
    }

    /** 409 naming the active job; a job whose wake-up was lost gets a new one on the way. */
    private DomainException busy(Caller caller, String activeJobId, Instant now) {
        Optional<ExportJob> active = jobs.find(new ExportRef(caller.workspaceId(), activeJobId));
        active.filter(j -> j.status() == ExportStatus.QUEUED && j.createdAt().plus(STALE_QUEUED).isBefore(now))
                .ifPresent(j -> queue.wakeUp(j.ref()));
        String state = active.map(j -> j.status().name().toLowerCase()).orElse("active");
        return new DomainException(ProblemKind.CONFLICT, "export-in-progress", "An export is already in progress",
                "Export " + activeJobId + " is " + state + "; start a new one when it has finished", List.of(),
                Map.of("activeExportId", activeJobId));
    }

    private static Optional<ExportRef> ref(Caller caller, String jobId) {
        try {
            return Optional.of(new ExportRef(caller.workspaceId(), jobId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static AuditEvent audit(Caller caller, String action, ExportJob job, Instant at) {
        return new AuditEvent(caller.workspaceId(), caller.userId(), action, "export", job.id(), at, Map.of(),
                Map.of("entities", job.entities().stream().map(ExportEntity::wireName).collect(Collectors.joining(","))));
    }
}
