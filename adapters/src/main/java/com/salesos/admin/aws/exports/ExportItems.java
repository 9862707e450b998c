package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import static com.salesos.admin.aws.table.Item.n;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.exports.ArchiveState;
import com.salesos.admin.exports.ExportCheckpoint;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportJob;
import com.salesos.admin.exports.ExportResult;
import com.salesos.admin.exports.ExportStatus;
import com.salesos.admin.exports.Notice;
import com.salesos.admin.exports.ResumableSha256;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Export jobs as DynamoDB items. The checkpoint is a map attribute on the job, readable in the
 * console: upload id, parts, position, counts, the zip's state and the running SHA-256.
 */
final class ExportItems {

    private ExportItems() {
    }

    static Item toItem(ExportJob job) {
        return Item.of(TableKeys.workspace(job.workspaceId()), TableKeys.export(job.id()))
                .with("type", "export")
                .with("id", job.id())
                .with("workspaceId", job.workspaceId())
                .with("requestedBy", job.requestedBy())
                .with("requesterEmail", job.requesterEmail())
                .with("requesterName", job.requesterName())
                .with("entities", String.join(",", job.entities().stream().map(ExportEntity::wireName).toList()))
                .with("status", job.status().name())
                .with("notice", job.notice().name())
                .with("createdAt", job.createdAt());
    }

    static ExportJob fromItem(Item item) {
        Map<String, AttributeValue> values = item.values();
        List<ExportEntity> entities = Arrays.stream(item.string("entities").split(","))
                .map(name -> ExportEntity.fromWireName(name).orElseThrow()).toList();
        Optional<ExportResult> result = item.optionalString("sha256").map(sha -> new ExportResult(
                counts(values.get("counts")), item.number("sizeBytes"), sha, item.string("objectKey"),
                item.instant("expiresAt")));
        return new ExportJob(item.string("id"), item.string("workspaceId"), item.string("requestedBy"),
                item.string("requesterEmail"), item.string("requesterName"), entities,
                ExportStatus.valueOf(item.string("status")), counts(values.get("progress")), result,
                item.optionalString("error"), item.instant("createdAt"), Optional.ofNullable(item.instant("finishedAt")),
                Optional.ofNullable(values.get("checkpoint")).map(ExportItems::checkpoint),
                Notice.valueOf(item.string("notice")));
    }

    static AttributeValue counts(Map<ExportEntity, Long> counts) {
        Map<String, AttributeValue> map = new HashMap<>();
        counts.forEach((entity, count) -> map.put(entity.wireName(), n(count)));
        return AttributeValue.fromM(map);
    }

    static Map<ExportEntity, Long> counts(AttributeValue value) {
        Map<ExportEntity, Long> counts = new EnumMap<>(ExportEntity.class);
        if (value != null && value.hasM()) {
            value.m().forEach((name, count) -> ExportEntity.fromWireName(name)
                    .ifPresent(entity -> counts.put(entity, Long.parseLong(count.n()))));
        }
        return counts;
    }

    static AttributeValue checkpoint(ExportCheckpoint c) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("objectKey", s(c.objectKey()));
        map.put("uploadId", s(c.uploadId()));
        map.put("parts", AttributeValue.fromL(c.parts().stream()
                .map(p -> AttributeValue.fromM(Map.of("number", n(p.number()), "etag", s(p.etag())))).toList()));
        map.put("entityIndex", n(c.entityIndex()));
        c.after().ifPresent(after -> map.put("after", s(after)));
        map.put("counts", counts(c.counts()));
        map.put("archive", archive(c.archive()));
        ResumableSha256.State sha = c.sha256();
        map.put("sha256", AttributeValue.fromM(Map.of(
                "words", AttributeValue.fromL(Arrays.stream(sha.words()).mapToObj(w -> n(w & 0xffffffffL)).toList()),
                "length", n(sha.length()),
                "pending", AttributeValue.fromB(SdkBytes.fromByteArray(sha.pending())))));
        c.sealed().ifPresent(result -> map.put("sealed", AttributeValue.fromM(Map.of(
                "counts", counts(result.counts()), "sizeBytes", n(result.sizeBytes()), "sha256", s(result.sha256()),
                "objectKey", s(result.objectKey()), "expiresAt", s(result.expiresAt().toString())))));
        return AttributeValue.fromM(map);
    }

    static ExportCheckpoint checkpoint(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        Map<String, AttributeValue> sha = m.get("sha256").m();
        int[] words = sha.get("words").l().stream().mapToInt(w -> (int) Long.parseLong(w.n())).toArray();
        Optional<ExportResult> sealed = Optional.ofNullable(m.get("sealed")).map(AttributeValue::m)
                .map(r -> new ExportResult(counts(r.get("counts")), Long.parseLong(r.get("sizeBytes").n()),
                        r.get("sha256").s(), r.get("objectKey").s(), Instant.parse(r.get("expiresAt").s())));
        return new ExportCheckpoint(m.get("objectKey").s(), m.get("uploadId").s(),
                m.get("parts").l().stream().map(p -> new ExportCheckpoint.UploadedPart(
                        Integer.parseInt(p.m().get("number").n()), p.m().get("etag").s())).toList(),
                Integer.parseInt(m.get("entityIndex").n()), Optional.ofNullable(m.get("after")).map(AttributeValue::s),
                counts(m.get("counts")), archive(m.get("archive")),
                new ResumableSha256.State(words, Long.parseLong(sha.get("length").n()), sha.get("pending").b().asByteArray()),
                sealed);
    }

    private static AttributeValue archive(ArchiveState a) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("offset", n(a.offset()));
        map.put("dosTime", n(a.dosTime()));
        map.put("dosDate", n(a.dosDate()));
        map.put("closed", AttributeValue.fromL(a.closed().stream().map(e -> AttributeValue.fromM(Map.of(
                "name", s(e.name()), "crc", n(e.crc()), "compressedSize", n(e.compressedSize()), "size", n(e.size()),
                "headerOffset", n(e.headerOffset())))).toList()));
        a.open().ifPresent(o -> map.put("open", AttributeValue.fromM(Map.of(
                "name", s(o.name()), "crc", n(o.crc()), "compressedSize", n(o.compressedSize()), "size", n(o.size()),
                "headerOffset", n(o.headerOffset())))));
        return AttributeValue.fromM(map);
    }

    private static ArchiveState archive(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new ArchiveState(number(m, "offset"), (int) number(m, "dosTime"), (int) number(m, "dosDate"),
                m.get("closed").l().stream().map(AttributeValue::m).map(e -> new ArchiveState.ClosedEntry(
                        e.get("name").s(), number(e, "crc"), number(e, "compressedSize"), number(e, "size"),
                        number(e, "headerOffset"))).toList(),
                Optional.ofNullable(m.get("open")).map(AttributeValue::m).map(o -> new ArchiveState.OpenEntry(
                        o.get("name").s(), number(o, "headerOffset"), number(o, "crc"), number(o, "size"),
                        number(o, "compressedSize"))));
    }

    private static long number(Map<String, AttributeValue> map, String name) {
        return Long.parseLong(map.get(name).n());
    }
}
