package com.salesos.admin.aws.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void web_addresses_domains_and_email_addresses_no_longer_look_like_links() {
        assertThat(MailText.inert("Visit http://evil.test/login or www.evil.test"))
                .isEqualTo("Visit http[:]//evil[.]test/login or www[.]evil[.]test");
        assertThat(MailText.inert("ada@acme.test")).isEqualTo("ada@acme[.]test");
        assertThat(MailText.inert("https://localhost")).isEqualTo("https[:]//localhost");
        assertThat(MailText.inert("evil\u3002test")).isEqualTo("evil[.]test");
    }

    @Test
    void ordinary_text_reads_as_before_on_one_line() {
        assertThat(MailText.inert("Acme Inc.")).isEqualTo("Acme Inc.");
        assertThat(MailText.inert("J. R. R. Tolkien")).isEqualTo("J. R. R. Tolkien");
        assertThat(MailText.inert("Acme\r\nSales:  East")).isEqualTo("Acme Sales: East");
    }
}
