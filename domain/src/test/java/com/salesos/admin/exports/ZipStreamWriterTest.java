package com.salesos.admin.exports;

import java.util.Optional;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipStreamWriterTest {

    @TempDir
    Path dir;

    private static String text(int lines, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            out.append(i).append(",Jürgen \"").append(random.nextInt()).append("\",").append(Long.toHexString(random.nextLong())).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void an_entry_that_crosses_4_gib_fails_while_it_is_written_not_after_the_whole_entity() {
        // Resumed where an earlier invocation left an entry 100 bytes short of the ZIP32 limit.
        long nearlyFull = 0xffffffffL - 100;
        ArchiveState resumed = new ArchiveState(30 + 9, 0, 0x5b21, List.of(),
                Optional.of(new ArchiveState.OpenEntry("deals.csv", 0, 0, nearlyFull, 1_000_000)));
        ZipStreamWriter zip = new ZipStreamWriter(resumed, (bytes, offset, length) -> { });
        byte[] rows = new byte[1_000];

        assertThatThrownBy(() -> zip.write(rows, 0, rows.length)).isInstanceOf(ZipStreamWriter.ArchiveTooLarge.class);
    }

    @Test
    void a_streamed_archive_reads_back_with_the_jdk_both_as_a_stream_and_as_a_file() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipStreamWriter zip = new ZipStreamWriter(ArchiveState.empty(0, 0x5b21), out::write);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("deals.csv", text(5_000, 1));
        files.put("empty.csv", "");
        files.put("leads.csv", text(20, 2));
        files.forEach((name, content) -> {
            zip.beginEntry(name);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            zip.write(bytes, 0, bytes.length);
            zip.endEntry();
        });
        zip.finish();

        assertThat(readStream(out.toByteArray())).isEqualTo(files);
        assertThat(readFile(out.toByteArray())).isEqualTo(files);
    }

    @Test
    void an_archive_resumed_from_flush_points_in_new_writers_is_identical_to_one_written_in_one_go() throws IOException {
        String deals = text(3_000, 5);
        String leads = text(3_000, 6);
        ByteArrayOutputStream oneGo = new ByteArrayOutputStream();
        write(oneGo, deals, leads, false);
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        write(resumed, deals, leads, true);

        assertThat(resumed.toByteArray()).isEqualTo(oneGo.toByteArray());
        assertThat(readFile(resumed.toByteArray())).containsEntry("deals.csv", deals).containsEntry("leads.csv", leads);
    }

    /** Writes both files, flushing every 1,000 lines; with {@code restart} each flush continues in a new writer. */
    private static void write(ByteArrayOutputStream out, String deals, String leads, boolean restart) {
        ZipStreamWriter zip = new ZipStreamWriter(ArchiveState.empty(0, 0x5b21), out::write);
        for (Map.Entry<String, String> file : Map.of("deals.csv", deals, "leads.csv", leads).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            zip.beginEntry(file.getKey());
            String[] lines = file.getValue().split("(?<=\r\n)");
            for (int i = 0; i < lines.length; i++) {
                byte[] bytes = lines[i].getBytes(StandardCharsets.UTF_8);
                zip.write(bytes, 0, bytes.length);
                if (i % 1_000 == 999) {
                    ArchiveState state = zip.flushPoint();
                    if (restart) {
                        zip.abandon();
                        zip = new ZipStreamWriter(state, out::write);
                    }
                }
            }
            zip.endEntry();
        }
        zip.finish();
    }

    private static Map<String, String> readStream(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private Map<String, String> readFile(byte[] archive) throws IOException {
        Path file = Files.write(dir.resolve("a.zip"), archive);
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                files.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
