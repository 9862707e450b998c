package com.salesos.admin.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void line_breaks_tabs_and_control_characters_become_single_spaces() {
        assertThat(DisplayText.singleLine(" Nina\r\nNew\tRep\u0000!\u2028Bye \u0085x "))
                .isEqualTo("Nina New Rep ! Bye x");
    }

    @Test
    void invisible_format_characters_are_removed_but_joiners_that_names_need_stay() {
        assertThat(DisplayText.singleLine("Ann\u202Emoc.live\u202C\u200B\u00AD")).isEqualTo("Annmoc.live");
        assertThat(DisplayText.singleLine("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")).contains("\u200C");
    }

    @Test
    void ordinary_names_are_unchanged() {
        assertThat(DisplayText.singleLine("Jürgen Müller-Lüdenscheidt")).isEqualTo("Jürgen Müller-Lüdenscheidt");
        assertThat(DisplayText.singleLine("J. R. R. Tolkien")).isEqualTo("J. R. R. Tolkien");
        assertThat(DisplayText.singleLine(null)).isEmpty();
    }
}
