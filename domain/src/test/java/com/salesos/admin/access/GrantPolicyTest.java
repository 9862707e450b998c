package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.access.UserStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantPolicyTest {

    static final Role PEOPLE_OPS = new Role("role_po", "People Ops", Set.of(Permission.USERS_MANAGE), false);
    static final Role EVERYTHING = new Role("role_all", "Everything", EnumSet.allOf(Permission.class), false);

    @Test
    void a_caller_may_grant_a_role_whose_permissions_it_holds() {
        assertThat(GrantPolicy.mayGrant(PEOPLE_OPS, BuiltInRoles.SALES_REP)).isTrue();
        assertThat(GrantPolicy.mayGrant(PEOPLE_OPS, new Role("role_x", "X", Set.of(Permission.USERS_MANAGE), false))).isTrue();
        assertThat(GrantPolicy.mayGrant(BuiltInRoles.ADMIN, EVERYTHING)).isTrue();
    }

    @Test
    void a_caller_may_not_grant_a_permission_it_lacks() {
        assertThat(GrantPolicy.mayGrant(PEOPLE_OPS, BuiltInRoles.MANAGER)).isFalse();
        assertThat(GrantPolicy.missing(PEOPLE_OPS, EVERYTHING))
                .containsExactlyInAnyOrder(Permission.BILLING_MANAGE, Permission.GAMIFICATION_MANAGE,
                        Permission.DATA_EXPORT, Permission.AUDIT_READ);
    }

    @Test
    void only_an_admin_may_make_an_admin_even_a_role_holding_every_permission() {
        assertThat(GrantPolicy.mayGrant(EVERYTHING, BuiltInRoles.ADMIN)).isFalse();
        assertThat(GrantPolicy.mayGrant(BuiltInRoles.ADMIN, BuiltInRoles.ADMIN)).isTrue();
    }

    @Test
    void the_refusal_is_forbidden_and_names_the_missing_permissions() {
        Caller caller = new Caller("ws", "usr_po", "po@x.test", "PO", null, PEOPLE_OPS, UserStatus.ACTIVE);
        assertThatThrownBy(() -> GrantPolicy.requireMayGrant(caller, BuiltInRoles.ADMIN))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("grant-not-held");
                    assertThat(e.detail()).contains("Only an Admin");
                    assertThat(e.extensions().get("missingPermissions")).isEqualTo(
                            List.of("audit.read", "billing.manage", "data.export", "gamification.manage"));
                });
    }
}
