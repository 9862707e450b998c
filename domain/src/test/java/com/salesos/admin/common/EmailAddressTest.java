package com.salesos.admin.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addresses_are_trimmed_and_lower_cased_so_case_variants_are_the_same_person() {
        assertThat(EmailAddress.parse("  Ann.Lee@Example.COM ")).contains(new EmailAddress("ann.lee@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ann", "ann@", "@example.com", "ann@example", "ann lee@example.com",
            "ann@@example.com", "ann..lee@example.com", "ann@-example.com"})
    void malformed_addresses_are_refused(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "v+1@x.test, v@x.test",
            "V+tag+more@X.test, v@x.test",
            "v.w+1@x.test, v.w@x.test",
            "+v@x.test, +v@x.test",
            "V.I.C+1@gmail.com, vic@gmail.com",
            "v.i.c@googlemail.com, vic@gmail.com",
            "v@x.test, v@x.test"})
    void the_mailbox_drops_the_plus_tag_and_at_gmail_the_dots(String raw, String mailbox) {
        EmailAddress address = EmailAddress.parse(raw).orElseThrow();
        assertThat(address.mailbox()).isEqualTo(mailbox);
        assertThat(address.value()).as("the address itself is kept").isEqualTo(raw.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void null_is_not_an_address() {
        assertThat(EmailAddress.parse(null)).isEmpty();
    }
}
