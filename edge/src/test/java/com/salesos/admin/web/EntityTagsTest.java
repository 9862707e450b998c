package com.salesos.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.common.ExpectedVersion;
import org.junit.jupiter.api.Test;

/** If-Match read into the version a change was made from. */
class EntityTagsTest {

    @Test
    void the_etag_of_a_read_names_the_version_an_if_match_of_it_expects() {
        assertThat(EntityTags.of(7)).isEqualTo("\"7\"");
        assertThat(EntityTags.ifMatch(EntityTags.of(7))).contains(new ExpectedVersion(7));
    }

    @Test
    void quotes_and_surrounding_spaces_are_optional() {
        assertThat(EntityTags.ifMatch(" 3 ")).contains(new ExpectedVersion(3));
    }

    @Test
    void an_absent_or_blank_header_expects_nothing() {
        assertThat(EntityTags.ifMatch(null)).isEmpty();
        assertThat(EntityTags.ifMatch("  ")).isEmpty();
    }

    @Test
    void a_tag_that_is_not_one_of_ours_matches_no_version() {
        for (String header : new String[] {"*", "W/\"3\"", "\"3\", \"4\"", "abc", "\"-1\"", "99999999999999999999"}) {
            assertThat(EntityTags.ifMatch(header)).as(header).contains(ExpectedVersion.NONE);
        }
        assertThat(ExpectedVersion.NONE.matches(0)).isFalse();
    }
}
