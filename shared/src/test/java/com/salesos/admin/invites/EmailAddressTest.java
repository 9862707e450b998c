package com.salesos.admin.invites;

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

    @Test
    void null_is_not_an_address() {
        assertThat(EmailAddress.parse(null)).isEmpty();
    }
}
