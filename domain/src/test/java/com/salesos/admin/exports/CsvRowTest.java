package com.salesos.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowTest {

    private static String row(String... cells) {
        StringBuilder out = new StringBuilder();
        CsvRow.append(Arrays.asList(cells), out);
        return out.toString();
    }

    @Test
    void plain_cells_are_written_as_they_are_and_records_end_with_crlf() {
        assertThat(row("a", "Jürgen", "42")).isEqualTo("a,Jürgen,42\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(row("Hooli, Inc", "say \"hi\"", "two\nlines", "cr\rhere"))
                .isEqualTo("\"Hooli, Inc\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void missing_and_empty_values_are_empty_cells() {
        assertThat(row(null, "", "x")).isEqualTo(",,x\r\n");
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe_and_quotes() {
        assertThat(row("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"\r\n");
        for (String start : List.of("=", "+", "-", "@", "\t", "\r", "\n")) {
            assertThat(row(start + "1")).isEqualTo("\"'" + start + "1\"\r\n");
            assertThat(CsvRow.neutralised(start + "1")).isEqualTo("'" + start + "1");
        }
        assertThat(CsvRow.neutralised("a=1")).isEqualTo("a=1");
        assertThat(row("a-b")).isEqualTo("a-b\r\n");
    }

    @Test
    void formulas_behind_invisible_or_full_width_characters_are_neutralised_too() {
        for (String cell : List.of("\u200B=1+1", "\uFEFF=1+1", "\u2060@SUM(A1)", "\u00A0=1", " =1", "\uFF1D1+1",
                "\uFF0B1", "\uFF0D1", "\uFF201", "\u200B\u200C\uFF1DHYPERLINK(\"http://x\")")) {
            assertThat(CsvRow.neutralised(cell)).as("%s", cell).isEqualTo("'" + cell);
            assertThat(row(cell)).as("%s", cell).startsWith("\"'");
        }
        assertThat(CsvRow.neutralised("\u200Bplain")).isEqualTo("\u200Bplain");
        assertThat(CsvRow.neutralised("\uFF21=1")).isEqualTo("\uFF21=1");
    }
}
