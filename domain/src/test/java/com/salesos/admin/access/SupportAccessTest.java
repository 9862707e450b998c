package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Support routes take support tokens only; support tokens take no workspace route. */
class SupportAccessTest {

    final SupportAccess access = new SupportAccess();

    @Test
    void a_support_group_token_is_the_staff_member_of_its_subject() {
        SupportStaff staff = access.authorize("sub-staff", Set.of("support"));

        assertThat(staff.staffId()).isEqualTo("sub-staff");
        assertThat(staff.actorId()).isEqualTo("support:sub-staff");
    }

    @Test
    void a_token_without_the_support_group_is_refused_on_support_routes_whatever_else_it_carries() {
        for (Set<String> groups : java.util.List.of(Set.<String>of(), Set.of("crm"), Set.of("admins", "supporters"))) {
            assertThatThrownBy(() -> access.authorize("sub-admin", groups))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                        assertThat(e.type()).isEqualTo("support-identity-required");
                    });
        }
    }

    @Test
    void a_support_token_is_refused_on_workspace_routes_and_other_tokens_pass() {
        assertThatThrownBy(() -> access.refuseOnWorkspaceRoute(Set.of("support", "crm")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN));
        access.refuseOnWorkspaceRoute(Set.of());
        access.refuseOnWorkspaceRoute(Set.of("supporters"));
    }

    @Test
    void support_acting_in_a_workspace_it_sets_up_may_invite_its_first_admin() {
        Caller acting = new SupportStaff("sub-staff").actingIn("ws-new");

        assertThat(acting.workspaceId()).isEqualTo("ws-new");
        assertThat(acting.userId()).isEqualTo("support:sub-staff");
        GrantPolicy.requireMayGrant(acting, BuiltInRoles.ADMIN);
    }
}
