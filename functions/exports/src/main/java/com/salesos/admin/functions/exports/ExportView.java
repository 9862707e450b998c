package com.salesos.admin.functions.exports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportJob;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export job as API.md shapes it. Progress and counts list every requested entity (0 until
 * written); result fields are null until the job succeeded, {@code error} until it failed (or,
 * while running, the reason the last attempt failed before its retry).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExportView(String id, List<String> entities, String status, Map<String, Long> progress,
                         Map<String, Long> counts, Long sizeBytes, String sha256, String error, String requestedBy,
                         Instant createdAt, Instant finishedAt, Instant expiresAt) {

    static ExportView of(ExportJob job) {
        var result = job.result();
        return new ExportView(job.id(), job.entities().stream().map(ExportEntity::wireName).toList(),
                job.status().name().toLowerCase(), perEntity(job, job.progress()),
                result.map(r -> perEntity(job, r.counts())).orElse(null),
                result.map(r -> r.sizeBytes()).orElse(null), result.map(r -> r.sha256()).orElse(null),
                job.error().orElse(null), job.requestedBy(), job.createdAt(), job.finishedAt().orElse(null),
                result.map(r -> r.expiresAt()).orElse(null));
    }

    private static Map<String, Long> perEntity(ExportJob job, Map<ExportEntity, Long> values) {
        Map<String, Long> map = new LinkedHashMap<>();
        job.entities().forEach(e -> map.put(e.wireName(), values.getOrDefault(e, 0L)));
        return map;
    }
}
