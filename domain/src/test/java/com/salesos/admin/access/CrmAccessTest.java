package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Activities come from the CRM's machine identity only; that identity uses no person's route. */
class CrmAccessTest {

    final CrmAccess access = new CrmAccess(subject -> subject.equals("sub-crm")
            ? Optional.of(new CrmClient("ws-1", subject)) : Optional.empty());

    @Test
    void a_registered_crm_identity_is_authorized_for_its_own_workspace() {
        assertThat(access.authorize("sub-crm", Set.of("crm"))).isEqualTo(new CrmClient("ws-1", "sub-crm"));
    }

    @Test
    void a_person_token_is_refused_whatever_groups_it_has_besides_crm() {
        assertThatThrownBy(() -> access.authorize("sub-crm", Set.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("crm-identity-required"));
        assertThatThrownBy(() -> access.authorize("sub-admin", Set.of("admins")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("crm-identity-required"));
    }

    @Test
    void a_crm_group_token_registered_for_no_workspace_is_refused() {
        assertThatThrownBy(() -> access.authorize("sub-stranger", Set.of("crm")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("crm-identity-unregistered"));
    }

    @Test
    void the_crm_identity_is_refused_on_person_routes_and_people_pass() {
        assertThatThrownBy(() -> access.refuseOnPersonRoute(Set.of("crm"))).isInstanceOf(DomainException.class);
        access.refuseOnPersonRoute(Set.of());
        access.refuseOnPersonRoute(Set.of("admins"));
    }
}
