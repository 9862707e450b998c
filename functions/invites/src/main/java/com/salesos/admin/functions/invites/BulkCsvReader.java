package com.salesos.admin.functions.invites;

import com.salesos.admin.invites.BulkFile;
import com.salesos.admin.invites.BulkInviteProblems;
import com.salesos.admin.invites.BulkRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded bulk invitation file with commons-csv (RFC 4180: quoted fields, doubled quotes,
 * CRLF or LF), after checking it is UTF-8 text (a byte-order mark is dropped) within the limits.
 * The header names the columns in any order: {@code email}, {@code name}, {@code role} and,
 * optionally, {@code team}; any other column is refused, so a misspelt one is not silently lost.
 * Cells are kept as typed: a name starting with {@code =} is stored as that text and never evaluated.
 */
final class BulkCsvReader {

    static final List<String> REQUIRED = List.of("email", "name", "role");
    static final String OPTIONAL = "team";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private BulkCsvReader() {
    }

    static BulkFile read(byte[] body) {
        if (body.length > BulkFile.MAX_BYTES) {
            throw com.salesos.admin.web.StrictJson.tooLarge(BulkFile.MAX_BYTES);
        }
        String text = utf8(body);
        if (text.isBlank()) {
            throw BulkInviteProblems.unreadable("body", "the file is empty; it needs the header row email,name,role,team"
                    + " and one row per person");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw BulkInviteProblems.unreadable("body", "the file holds binary data, not CSV text");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<BulkRow> rows = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    continue;
                }
                if (rows.size() == BulkFile.MAX_ROWS) {
                    throw BulkInviteProblems.tooManyRows();
                }
                rows.add(row(record, columns));
            }
            if (columns == null) {
                throw BulkInviteProblems.unreadable("body", "the file is empty; it needs the header row email,name,role,team");
            }
            if (rows.isEmpty()) {
                throw BulkInviteProblems.unreadable("body", "the file has a header but no rows to invite");
            }
            return new BulkFile(rows, sha256(body));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unclosed quote or text after a closing quote this way.
            throw BulkInviteProblems.unreadable("body", "not valid CSV (RFC 4180): " + firstLine(e));
        }
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.equals(name)) {
                unknown.add(record.get(i).strip().isEmpty() ? "(empty)" : record.get(i).strip());
            } else if (columns.putIfAbsent(name, i) != null) {
                throw BulkInviteProblems.unreadable("header", "the column '" + name + "' appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            throw BulkInviteProblems.unreadable("header", "unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(c -> "'" + abbreviate(c) + "'").toList())
                    + "; the columns are email, name, role and (optional) team, in any order");
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw BulkInviteProblems.unreadable("header", "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header must be email,name,role,team (team optional, any order)");
        }
        return columns;
    }

    private static BulkRow row(CSVRecord record, Map<String, Integer> columns) {
        int row = (int) record.getRecordNumber();
        String fault = record.size() == columns.size() ? null
                : "the row has " + record.size() + " fields, the header " + columns.size();
        return new BulkRow(row, cell(record, columns, "email"), cell(record, columns, "name"),
                cell(record, columns, "role"), cell(record, columns, OPTIONAL), fault);
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    private static String utf8(byte[] body) {
        int offset = body.length >= 3 && body[0] == BOM[0] && body[1] == BOM[1] && body[2] == BOM[2] ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw BulkInviteProblems.unreadable("body", "the file is not UTF-8 text (save it as CSV UTF-8)");
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceAll("^[a-zA-Z.]+Exception: ", "");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
