package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.access.UserStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static AccessPolicy policyFor(Caller caller) {
        return new AccessPolicy(subject -> Optional.ofNullable(caller));
    }

    @Test
    void admin_holds_every_permission_of_the_catalogue() {
        for (Permission permission : Permission.values()) {
            assertThat(BuiltInRoles.ADMIN.grants(permission)).isTrue();
        }
    }

    @Test
    void a_manager_may_not_manage_users() {
        Caller manager = new Caller("ws", "u", "m@x.test", "Name", null, BuiltInRoles.MANAGER, UserStatus.ACTIVE);
        assertThatThrownBy(() -> policyFor(manager).authorize("sub", Permission.USERS_MANAGE))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.type()).isEqualTo("permission-missing");
                });
    }

    @Test
    void a_deactivated_admin_is_refused_at_once() {
        Caller admin = new Caller("ws", "u", "a@x.test", "Name", null, BuiltInRoles.ADMIN, UserStatus.DEACTIVATED);
        assertThatThrownBy(() -> policyFor(admin).authorize("sub", Permission.USERS_MANAGE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("account-deactivated"));
    }

    @Test
    void a_signed_in_identity_without_a_workspace_account_is_refused() {
        assertThatThrownBy(() -> policyFor(null).authorize("sub", Permission.USERS_MANAGE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN));
    }

    @Test
    void an_active_caller_with_the_permission_passes() {
        Caller admin = new Caller("ws", "u", "a@x.test", "Name", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);
        assertThat(policyFor(admin).authorize("sub", Permission.USERS_MANAGE)).isEqualTo(admin);
    }

    @Test
    void built_in_roles_are_found_by_id_or_by_name_ignoring_case() {
        assertThat(BuiltInRoles.find("Sales Rep")).contains(BuiltInRoles.SALES_REP);
        assertThat(BuiltInRoles.find(" SALES-REP ")).contains(BuiltInRoles.SALES_REP);
        assertThat(BuiltInRoles.find("manager")).contains(BuiltInRoles.MANAGER);
        assertThat(BuiltInRoles.find("overlord")).isEmpty();
    }
}
