package com.salesos.admin.exports;

import java.util.List;
import java.util.Optional;

/** Port: a workspace's records of one entity, page by page, in a stable order. */
public interface ExportRecords {

    /** The records after {@code after} (a record's position; empty for the start). */
    RecordPage page(String workspaceId, ExportEntity entity, Optional<String> after);

    /** One record: where it is (to resume after it) and its values in the entity's column order. */
    record ExportRecord(String position, List<String> values) {
    }

    record RecordPage(List<ExportRecord> records, boolean last) {
    }
}
