package com.salesos.admin.exports;

import java.util.List;

/**
 * Writes one CSV record per RFC 4180 (comma separated, CRLF line ends, fields with a comma, quote,
 * CR or LF quoted, quotes doubled) and neutralises spreadsheet formulas as OWASP advises: a cell
 * that starts with {@code = + - @}, tab, CR or LF gets a leading apostrophe and is quoted, so
 * Excel, LibreOffice and Google Sheets show it as text instead of running it. The check looks past
 * leading invisible characters (zero-width space, BOM, other format characters, any kind of space)
 * and folds compatibility forms first (NFKC: full-width {@code ＝} is {@code =}), because a
 * spreadsheet may drop or fold those and then run the formula behind them.
 */
public final class CsvRow {

    private CsvRow() {
    }

    /** Appends the record, line end included, to {@code out}; nulls are empty cells. */
    public static void append(List<String> cells, StringBuilder out) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(cells.get(i), out);
        }
        out.append("\r\n");
    }

    /** What a spreadsheet user sees for a stored value (the value itself unless it starts like a formula). */
    public static String neutralised(String value) {
        return value != null && !value.isEmpty() && startsLikeFormula(value) ? "'" + value : value;
    }

    private static void appendCell(String value, StringBuilder out) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula = startsLikeFormula(value);
        if (!formula && !needsQuotes(value)) {
            out.append(value);
            return;
        }
        out.append('"');
        if (formula) {
            out.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        int i = 0;
        while (i < value.length() && isInvisible(value.codePointAt(i))) {
            i += Character.charCount(value.codePointAt(i));
        }
        if (i == value.length()) {
            return false;
        }
        String folded = java.text.Normalizer.normalize(
                new String(Character.toChars(value.codePointAt(i))), java.text.Normalizer.Form.NFKC);
        char c = folded.isEmpty() ? ' ' : folded.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\u2212';
    }

    /** Characters a reader does not see before a formula: format characters (U+200B, U+FEFF...) and spaces. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.CONTROL
                || Character.isWhitespace(codePoint);
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
