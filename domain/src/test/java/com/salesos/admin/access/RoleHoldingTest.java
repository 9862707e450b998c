package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Custom roles count their holders and are deleted only while nobody holds them. */
class RoleHoldingTest {

    @Test
    void taking_and_giving_up_a_custom_role_moves_its_holder_count() {
        assertThat(RoleHolding.take("role-coach")).contains(new RoleHolding("role-coach", 1));
        assertThat(RoleHolding.giveUp("role-coach")).contains(new RoleHolding("role-coach", -1));
    }

    @Test
    void built_in_roles_are_not_counted_because_they_cannot_be_deleted() {
        for (Role role : BuiltInRoles.ALL) {
            assertThat(RoleHolding.take(role.id())).isEmpty();
            assertThat(RoleHolding.giveUp(role.id())).isEmpty();
        }
    }

    @Test
    void a_custom_role_named_like_a_built_in_one_is_still_counted() {
        // Matched by id, not by display name: "Admin" is not the built-in role's id.
        assertThat(RoleHolding.counted("Admin")).isTrue();
    }

    @Test
    void a_role_is_deleted_only_while_nobody_holds_it() {
        assertThat(RoleHolding.mayDelete(0)).isTrue();
        assertThat(RoleHolding.mayDelete(1)).isFalse();
    }
}
