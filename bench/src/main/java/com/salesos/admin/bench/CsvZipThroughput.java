package com.salesos.admin.bench;

import com.salesos.admin.exports.ArchiveState;
import com.salesos.admin.exports.CsvRow;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.exports.ExportRecords;
import com.salesos.admin.exports.ResumableSha256;
import com.salesos.admin.exports.ZipStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The CPU part of an export alone, on one thread: records to RFC 4180 CSV (formula guard
 * included), deflated into the streamed zip and hashed with SHA-256, as the worker does, with the
 * bytes thrown away instead of uploaded.
 */
final class CsvZipThroughput {

    private CsvZipThroughput() {
    }

    /** {records, csvBytes, zipBytes, nanos} for one run over {@code records} generated deals. */
    static long[] run(int records) {
        SyntheticDeals deals = new SyntheticDeals(records);
        ResumableSha256 sha = new ResumableSha256();
        long[] zipBytes = new long[1];
        ZipStreamWriter zip = new ZipStreamWriter(ArchiveState.empty(0, 0x5b7b), (bytes, offset, length) -> {
            sha.update(bytes, offset, length);
            zipBytes[0] += length;
        });
        long started = System.nanoTime();
        long csvBytes = 0;
        StringBuilder rows = new StringBuilder(40_000);
        zip.beginEntry("deals.csv");
        CsvRow.append(ExportEntity.DEALS.columns(), rows);
        Optional<String> after = Optional.empty();
        while (true) {
            ExportRecords.RecordPage page = deals.page("ws", ExportEntity.DEALS, after);
            for (ExportRecords.ExportRecord record : page.records()) {
                CsvRow.append(record.values(), rows);
                if (rows.length() >= 32 * 1024) {
                    csvBytes += write(zip, rows);
                }
                after = Optional.of(record.position());
            }
            if (page.last()) {
                break;
            }
        }
        csvBytes += write(zip, rows);
        zip.endEntry();
        zip.finish();
        sha.digest();
        return new long[] {records, csvBytes, zipBytes[0], System.nanoTime() - started};
    }

    static long csvBytes(int records) {
        long bytes = 0;
        StringBuilder rows = new StringBuilder();
        SyntheticDeals deals = new SyntheticDeals(records);
        Optional<String> after = Optional.empty();
        CsvRow.append(ExportEntity.DEALS.columns(), rows);
        while (true) {
            ExportRecords.RecordPage page = deals.page("ws", ExportEntity.DEALS, after);
            for (ExportRecords.ExportRecord record : page.records()) {
                CsvRow.append(record.values(), rows);
                after = Optional.of(record.position());
            }
            bytes += rows.toString().getBytes(StandardCharsets.UTF_8).length;
            rows.setLength(0);
            if (page.last()) {
                return bytes;
            }
        }
    }

    private static long write(ZipStreamWriter zip, StringBuilder rows) {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        zip.write(bytes, 0, bytes.length);
        rows.setLength(0);
        return bytes.length;
    }
}
