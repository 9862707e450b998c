package com.salesos.admin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryRoles;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.InMemoryUsers;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.SequentialIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Custom roles on in-memory ports: validation, unique names, grant policy, idempotency, in-use refusal. */
class RoleServiceTest {

    static final String WS = "ws";
    static final Caller ADMIN = Callers.of(WS, "usr_admin", BuiltInRoles.ADMIN);

    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryRoles store = new InMemoryRoles(audit);
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryUsers users = new InMemoryUsers(seats, store, audit);
    final RoleService roles = new RoleService(store, store, new SequentialIds(), new MovableClock("2026-03-01T09:00:00Z"));

    RoleServiceTest() {
        seats.open(WS, 10);
    }

    @Test
    void unknown_permissions_and_built_in_names_are_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> roles.create(ADMIN, "sales rep", List.of("magic.cast"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "permissions");
                });
        assertThat(store.listCustom(WS)).isEmpty();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void a_role_needs_at_least_one_permission_and_a_name_of_at_most_fifty_characters() {
        assertThatThrownBy(() -> roles.create(ADMIN, "x".repeat(51), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "permissions"));
        assertThat(roles.create(ADMIN, "x".repeat(50), List.of("data.export"), Optional.empty()).role().name()).hasSize(50);
    }

    @Test
    void a_custom_role_holds_exactly_the_permissions_named_and_is_listed_after_the_built_in_ones() {
        Role role = roles.create(ADMIN, "  Team Lead ", List.of("data.export", "gamification.manage"), Optional.empty()).role();

        assertThat(role.name()).isEqualTo("Team Lead");
        assertThat(role.permissions()).containsExactlyInAnyOrder(Permission.DATA_EXPORT, Permission.GAMIFICATION_MANAGE);
        assertThat(role.builtIn()).isFalse();
        assertThat(roles.list(ADMIN)).extracting(Role::name).containsExactly("Admin", "Manager", "Sales Rep", "Team Lead");
        assertThat(audit.last().action()).isEqualTo("role.created");
    }

    @Test
    void role_names_are_unique_in_a_workspace_ignoring_case() {
        roles.create(ADMIN, "Team Lead", List.of("data.export"), Optional.empty());
        Role other = roles.create(ADMIN, "Coach", List.of("data.export"), Optional.empty()).role();

        assertThatThrownBy(() -> roles.create(ADMIN, "team lead", List.of("users.manage"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("role-name-taken"));
        assertThatThrownBy(() -> roles.update(ADMIN, other.id(), Optional.of("TEAM LEAD"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("role-name-taken"));
        assertThat(store.listCustom(WS)).extracting(Role::name).containsExactly("Team Lead", "Coach");
    }

    @Test
    void a_retried_create_with_the_same_key_answers_the_first_role_and_another_request_with_it_is_refused() {
        Role first = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.of("key-1")).role();

        RoleService.Created again = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.of("key-1"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.role()).isEqualTo(first);

        assertThatThrownBy(() -> roles.create(ADMIN, "Other", List.of("data.export"), Optional.of("key-1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
        assertThat(store.listCustom(WS)).hasSize(1);
    }

    @Test
    void a_role_is_renamed_and_its_permissions_replaced_with_before_and_after_in_the_audit() {
        Role role = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty()).role();

        Role changed = roles.update(ADMIN, role.id(), Optional.of("Senior Lead"), Optional.of(List.of("users.manage")));

        assertThat(store.find(WS, role.id())).contains(changed);
        assertThat(changed.permissions()).containsExactly(Permission.USERS_MANAGE);
        assertThat(audit.lastBefore()).containsEntry("name", "Lead").containsEntry("permissions", List.of("data.export"));
        assertThat(audit.lastAfter()).containsEntry("name", "Senior Lead").containsEntry("permissions", List.of("users.manage"));
    }

    @Test
    void an_update_without_a_name_or_permissions_is_refused() {
        Role role = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty()).role();

        assertThatThrownBy(() -> roles.update(ADMIN, role.id(), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
    }

    @Test
    void built_in_roles_cannot_be_changed_or_deleted() {
        assertThatThrownBy(() -> roles.update(ADMIN, "manager", Optional.of("Boss"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("built-in-role"));
        assertThatThrownBy(() -> roles.delete(ADMIN, "admin"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("built-in-role"));
    }

    @Test
    void an_unknown_role_or_another_workspaces_role_is_not_found() {
        Role foreign = store.add("other", new Role("role_f", "Foreign", Set.of(Permission.DATA_EXPORT), false));

        for (String id : List.of("role_missing", foreign.id())) {
            assertThatThrownBy(() -> roles.delete(ADMIN, id))
                    .as(id).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        }
        assertThat(store.listCustom("other")).containsExactly(foreign);
    }

    @Test
    void a_role_held_by_a_user_even_a_deactivated_one_is_not_deleted_and_the_answer_says_by_how_many() {
        Role role = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty()).role();
        users.add(WS, "usr_1", role.id(), com.salesos.admin.access.UserStatus.ACTIVE);
        users.add(WS, "usr_2", role.id(), com.salesos.admin.access.UserStatus.DEACTIVATED);

        assertThatThrownBy(() -> roles.delete(ADMIN, role.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("role-in-use");
                    assertThat(e.detail()).contains("held by 2 users or pending invitations");
                });
        assertThat(store.listCustom(WS)).containsExactly(role);
    }

    @Test
    void a_role_held_by_a_pending_invitation_is_in_use_and_deletable_once_released() {
        Role role = roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty()).role();
        store.hold(WS, role.id());

        assertThatThrownBy(() -> roles.delete(ADMIN, role.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("1 user or pending invitation"));

        store.release(WS, role.id());
        roles.delete(ADMIN, role.id());
        assertThat(store.listCustom(WS)).isEmpty();
        assertThat(audit.last().action()).isEqualTo("role.deleted");
    }

    @Test
    void a_user_manager_cannot_create_widen_or_delete_a_role_beyond_its_own_permissions() {
        Role usersOnly = new Role("role_u", "People Ops", Set.of(Permission.USERS_MANAGE), false);
        Caller peopleOps = Callers.of(WS, "usr_po", usersOnly);
        Role lead = store.add(WS, new Role("role_lead", "Lead", Set.of(Permission.USERS_MANAGE), false));
        Role billing = store.add(WS, new Role("role_bill", "Billing", Set.of(Permission.BILLING_MANAGE), false));

        assertThatThrownBy(() -> roles.create(peopleOps, "Everything", List.of("users.manage", "billing.manage"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.extensions()).containsEntry("missingPermissions", List.of("billing.manage"));
                });
        assertThatThrownBy(() -> roles.update(peopleOps, lead.id(), Optional.empty(), Optional.of(List.of("users.manage", "data.export"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("grant-not-held"));
        assertThatThrownBy(() -> roles.delete(peopleOps, billing.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("grant-not-held"));
        assertThat(store.listCustom(WS)).containsExactly(lead, billing);
        assertThat(roles.create(peopleOps, "Recruiter", List.of("users.manage"), Optional.empty()).role().permissions())
                .containsExactly(Permission.USERS_MANAGE);
    }

    @Test
    void a_custom_role_cannot_pass_for_a_built_in_one() {
        for (String lookalike : List.of("Admin\u00A0", "Admin\u200B", "\u202EAdmin", "\uFF21dmin", "Sales\nRep",
                "Sales Re\u200Dp", "Ad\u200Cmin", "\u0410dmin", "S\u0430les Rep", "\u041C\u0430nager", "SalesRep", "sales-rep",
                "\u0391dmin", "ADMIN", "\u039Canager", "Admi\u039D", "Sales R\u0395p")) {
            assertThatThrownBy(() -> roles.create(ADMIN, lookalike, List.of("data.export"), Optional.empty()))
                    .as(lookalike).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::message).contains("is the name of a built-in role"));
        }
        assertThat(store.listCustom(WS)).isEmpty();
        // Names in other scripts, or that only contain a built-in one, are names like any other.
        for (String name : List.of("\u0410\u0434\u043C\u0438\u043D\u0438\u0441\u0442\u0440\u0430\u0442\u043E\u0440", "Billing Admin", "Sales Reps")) {
            roles.create(ADMIN, name, List.of("data.export"), Optional.empty());
        }
        assertThat(store.listCustom(WS)).hasSize(3);
    }

    @Test
    void a_workspace_has_at_most_a_hundred_custom_roles() {
        for (int i = 0; i < RoleService.MAX_CUSTOM_ROLES; i++) {
            roles.create(ADMIN, "Role " + i, List.of("data.export"), Optional.empty());
        }
        assertThatThrownBy(() -> roles.create(ADMIN, "One more", List.of("data.export"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("role-limit"));
        assertThat(store.listCustom(WS)).hasSize(RoleService.MAX_CUSTOM_ROLES);
    }

    @Test
    void the_audit_never_sees_a_refused_change() {
        roles.create(ADMIN, "Lead", List.of("data.export"), Optional.empty());
        assertThatThrownBy(() -> roles.create(ADMIN, "LEAD", List.of("data.export"), Optional.empty()))
                .isInstanceOf(DomainException.class);

        assertThat(audit.actions()).containsExactly("role.created");
        assertThat(audit.lastAfter()).isEqualTo(Map.of("name", "Lead", "permissions", List.of("data.export")));
    }
}
