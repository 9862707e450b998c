package com.salesos.admin.testing;

import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workspace's records per entity, served in pages of a fixed size in a stable order. */
public final class InMemoryExportRecords implements ExportRecords {

    private final Map<String, List<ExportRecord>> records = new HashMap<>();
    private final int pageSize;
    /** Thrown by the next page read, once, to play a store outage mid-export. */
    public RuntimeException failNext;

    public InMemoryExportRecords(int pageSize) {
        this.pageSize = pageSize;
    }

    public void add(String workspaceId, ExportEntity entity, List<String> values) {
        List<ExportRecord> list = records.computeIfAbsent(workspaceId + "#" + entity, k -> new ArrayList<>());
        list.add(new ExportRecord(String.format("%08d", list.size()), values));
    }

    @Override
    public RecordPage page(String workspaceId, ExportEntity entity, Optional<String> after) {
        if (failNext != null) {
            RuntimeException failure = failNext;
            failNext = null;
            throw failure;
        }
        List<ExportRecord> all = records.getOrDefault(workspaceId + "#" + entity, List.of());
        int from = after.map(position -> Integer.parseInt(position) + 1).orElse(0);
        int to = Math.min(all.size(), from + pageSize);
        return new RecordPage(all.subList(Math.min(from, all.size()), to), to >= all.size());
    }
}
