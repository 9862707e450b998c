package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.access.UserStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleServiceTest {

    static final Caller ADMIN = new Caller("ws", "usr_admin", "a@x.test", "Name", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);
    final List<Role> stored = new ArrayList<>();

    final RoleStore store = new RoleStore() {
        public List<Role> listCustom(String workspaceId) {
            return stored;
        }

        public Outcome create(String workspaceId, Role role, AuditEvent audit, Optional<IdempotencyKey> key) {
            stored.add(role);
            return new Outcome.Done();
        }

        public Outcome update(String workspaceId, Role current, Role updated, AuditEvent audit) {
            return new Outcome.Done();
        }

        public Outcome delete(String workspaceId, Role role, AuditEvent audit) {
            return new Outcome.InUse(3);
        }
    };
    final RoleService roles = new RoleService(store,
            (ws, ref) -> BuiltInRoles.find(ref).or(() -> stored.stream().filter(r -> r.id().equals(ref)).findFirst()),
            new TimeOrderedIds(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC());

    @Test
    void unknown_permissions_and_built_in_names_are_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> roles.create(ADMIN, "sales rep", List.of("magic.cast"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "permissions");
                });
        assertThat(stored).isEmpty();
    }

    @Test
    void a_custom_role_holds_exactly_the_permissions_named() {
        Role role = roles.create(ADMIN, "  Team Lead ", List.of("data.export", "gamification.manage"), Optional.empty()).role();
        assertThat(role.name()).isEqualTo("Team Lead");
        assertThat(role.permissions()).containsExactlyInAnyOrder(Permission.DATA_EXPORT, Permission.GAMIFICATION_MANAGE);
        assertThat(role.builtIn()).isFalse();
    }

    @Test
    void built_in_roles_cannot_be_changed_or_deleted() {
        assertThatThrownBy(() -> roles.update(ADMIN, "manager", Optional.of("Boss"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("built-in-role"));
        assertThatThrownBy(() -> roles.delete(ADMIN, "admin"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("built-in-role"));
    }

    @Test
    void a_role_in_use_is_not_deleted_and_the_answer_says_by_how_many() {
        Role role = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty()).role();
        assertThatThrownBy(() -> roles.delete(ADMIN, role.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("role-in-use");
                    assertThat(e.detail()).contains("3");
                });
    }

    @Test
    void a_user_manager_cannot_create_or_widen_a_role_beyond_its_own_permissions() {
        Role usersOnly = new Role("role_u", "People Ops", java.util.Set.of(Permission.USERS_MANAGE), false);
        Caller peopleOps = new Caller("ws", "usr_po", "po@x.test", "PO", null, usersOnly, UserStatus.ACTIVE);
        stored.add(new Role("role_lead", "Lead", java.util.Set.of(Permission.USERS_MANAGE), false));

        assertThatThrownBy(() -> roles.create(peopleOps, "Everything", List.of("users.manage", "billing.manage"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.extensions()).containsEntry("missingPermissions", List.of("billing.manage"));
                });
        assertThatThrownBy(() -> roles.update(peopleOps, "role_lead", Optional.empty(), Optional.of(List.of("users.manage", "data.export"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("grant-not-held"));
        assertThat(stored).hasSize(1);
        assertThat(roles.create(peopleOps, "Recruiter", List.of("users.manage"), Optional.empty()).role().permissions())
                .containsExactly(Permission.USERS_MANAGE);
    }

    @Test
    void a_custom_role_cannot_pass_for_a_built_in_one() {
        for (String lookalike : List.of("Admin\u00A0", "Admin\u200B", "\u202EAdmin", "\uFF21dmin", "Sales\nRep")) {
            assertThatThrownBy(() -> roles.create(ADMIN, lookalike, List.of("data.export"), Optional.empty()))
                    .as(lookalike).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::message).contains("is the name of a built-in role"));
        }
        assertThat(stored).isEmpty();
    }
}
