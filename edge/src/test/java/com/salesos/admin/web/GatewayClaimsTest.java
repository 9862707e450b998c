package com.salesos.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A list claim arrives as a string: "[crm other]" from API Gateway, "[crm, other]" from the local gateway. */
class GatewayClaimsTest {

    @Test
    void group_lists_are_read_in_every_form_a_gateway_passes_them() {
        assertThat(GatewayClaims.parseList("[crm]")).containsExactly("crm");
        assertThat(GatewayClaims.parseList("[crm other]")).containsExactlyInAnyOrder("crm", "other");
        assertThat(GatewayClaims.parseList("[crm, other]")).containsExactlyInAnyOrder("crm", "other");
        assertThat(GatewayClaims.parseList("[\"crm\",\"other\"]")).containsExactlyInAnyOrder("crm", "other");
        assertThat(GatewayClaims.parseList("crm")).containsExactly("crm");
        assertThat(GatewayClaims.parseList("[]")).isEmpty();
        assertThat(GatewayClaims.parseList("[crmx]")).doesNotContain("crm");
    }
}
