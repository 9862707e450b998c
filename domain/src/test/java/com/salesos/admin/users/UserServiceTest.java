package com.salesos.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.testing.Callers;
import com.salesos.admin.testing.InMemoryAuditLog;
import com.salesos.admin.testing.InMemoryDeals;
import com.salesos.admin.testing.InMemoryRoles;
import com.salesos.admin.testing.InMemorySeats;
import com.salesos.admin.testing.InMemoryTeams;
import com.salesos.admin.testing.InMemoryUsers;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.testing.RecordingSignIn;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user use cases on in-memory ports: seats, the last-Admin quorum, grant policy, deals. */
class UserServiceTest {

    static final String WS = "ws";

    final MovableClock clock = new MovableClock("2026-03-01T09:00:00Z");
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemorySeats seats = new InMemorySeats();
    final InMemoryRoles roles = new InMemoryRoles(audit);
    final InMemoryUsers users = new InMemoryUsers(seats, roles, audit);
    final RecordingSignIn signIn = new RecordingSignIn();
    final InMemoryDeals deals = new InMemoryDeals(2, audit, users);
    final UserService service = new UserService(users, roles, new InMemoryTeams(), signIn, deals, clock);

    final User admin;
    final User rep;
    final Caller asAdmin;

    UserServiceTest() {
        seats.open(WS, 3);
        admin = users.add(WS, "usr_admin", "admin", UserStatus.ACTIVE);
        rep = users.add(WS, "usr_rep", "sales-rep", UserStatus.ACTIVE);
        asAdmin = Callers.of(admin, BuiltInRoles.ADMIN);
    }

    @Test
    void a_deactivation_and_a_reactivation_racing_leave_sign_in_as_the_store_says() {
        // Admin A deactivates the rep. Between A's store move and A's call to the identity provider,
        // admin B reactivates the rep entirely (store, then "allow"). A's "block" arrives last.
        UserService[] other = new UserService[1];
        boolean[] raced = {false};
        SignInControl racing = new SignInControl() {
            @Override
            public void block(User user) {
                if (!raced[0]) {
                    raced[0] = true;
                    other[0].reactivate(asAdmin, user.id());
                }
                signIn.block(user);
            }

            @Override
            public void allow(User user) {
                signIn.allow(user);
            }
        };
        UserService a = new UserService(users, roles, new InMemoryTeams(), racing, deals, clock);
        other[0] = service;

        User answered = a.deactivate(asAdmin, rep.id());

        assertThat(raced[0]).isTrue();
        assertThat(users.find(WS, rep.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(signIn.isBlocked(rep)).as("sign-in follows the store's last move").isFalse();
        assertThat(answered.status()).as("the answer says what is stored").isEqualTo(UserStatus.ACTIVE);
        assertThat(audit.actions()).containsSubsequence("user.deactivated", "user.reactivated");
    }

    @Test
    void deactivating_frees_a_seat_blocks_sign_in_and_keeps_every_deal() {
        deals.add(WS, "deal-1", rep.id());

        User deactivated = service.deactivate(asAdmin, rep.id());

        assertThat(deactivated.status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(users.find(WS, rep.id()).orElseThrow().status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(seats.read(WS).used()).isEqualTo(1);
        assertThat(signIn.isBlocked(rep)).isTrue();
        assertThat(deals.ownerOf(WS, "deal-1")).isEqualTo(rep.id());
        assertThat(audit.last().action()).isEqualTo("user.deactivated");
        assertThat(audit.lastBefore()).containsEntry("status", "active");
        assertThat(audit.lastAfter()).containsEntry("status", "deactivated");
    }

    @Test
    void deactivating_the_last_admin_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> service.deactivate(asAdmin, admin.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("last-admin");
                });
        assertThat(users.find(WS, admin.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(signIn.isBlocked(admin)).isFalse();
        assertThat(seats.read(WS).used()).isEqualTo(2);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void demoting_the_last_admin_is_refused_but_works_once_someone_else_is_admin() {
        assertThatThrownBy(() -> service.update(asAdmin, admin.id(), Optional.of("manager"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("last-admin"));
        assertThat(users.find(WS, admin.id()).orElseThrow().roleId()).isEqualTo("admin");

        service.update(asAdmin, rep.id(), Optional.of("Admin"), Optional.empty());
        User demoted = service.update(asAdmin, admin.id(), Optional.of("manager"), Optional.empty());

        assertThat(demoted.roleId()).isEqualTo("manager");
        assertThat(seats.activeAdmins(WS)).isEqualTo(1);
    }

    @Test
    void a_deactivated_admin_does_not_count_towards_the_quorum() {
        User second = users.add(WS, "usr_admin2", "admin", UserStatus.ACTIVE);
        service.deactivate(asAdmin, second.id());

        assertThatThrownBy(() -> service.update(asAdmin, admin.id(), Optional.of("sales-rep"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("last-admin"));
    }

    @Test
    void reactivating_needs_a_free_seat_and_pending_invitations_count() {
        service.deactivate(asAdmin, rep.id());
        users.add(WS, "usr_new", "sales-rep", UserStatus.ACTIVE);
        assertThat(seats.takeSeatForInvitation(WS)).isTrue();

        assertThatThrownBy(() -> service.reactivate(asAdmin, rep.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("seats-exhausted");
                    assertThat(e.extensions()).containsEntry("seatsMissing", 1L);
                });
        assertThat(users.find(WS, rep.id()).orElseThrow().status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(signIn.isBlocked(rep)).isTrue();

        seats.releaseInvitationSeat(WS);
        User back = service.reactivate(asAdmin, rep.id());

        assertThat(back.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(signIn.isBlocked(rep)).isFalse();
        assertThat(seats.read(WS).used()).isEqualTo(3);
    }

    @Test
    void a_deactivation_the_identity_provider_missed_is_finished_by_repeating_it_without_freeing_a_second_seat() {
        signIn.down = true;
        assertThatThrownBy(() -> service.deactivate(asAdmin, rep.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                    assertThat(e.type()).isEqualTo("identity-provider-unavailable");
                });
        assertThat(seats.read(WS).used()).isEqualTo(1);

        signIn.down = false;
        service.deactivate(asAdmin, rep.id());

        assertThat(signIn.isBlocked(rep)).isTrue();
        assertThat(seats.read(WS).used()).isEqualTo(1);
        assertThat(audit.actions()).containsExactly("user.deactivated");
    }

    @Test
    void a_role_change_takes_the_role_by_name_and_audits_only_what_changed() {
        User changed = service.update(asAdmin, rep.id(), Optional.of("Manager"), Optional.empty());

        assertThat(changed.roleId()).isEqualTo("manager");
        assertThat(users.find(WS, rep.id()).orElseThrow().roleId()).isEqualTo("manager");
        assertThat(audit.lastBefore()).containsOnlyKeys("roleId").containsEntry("roleId", "sales-rep");
        assertThat(audit.lastAfter()).containsOnlyKeys("roleId").containsEntry("roleId", "manager");
        assertThat(roles.holders(WS, "manager")).isEqualTo(1);
        assertThat(roles.holders(WS, "sales-rep")).isZero();
    }

    @Test
    void a_form_saved_unchanged_changes_and_audits_nothing() {
        User same = service.update(asAdmin, rep.id(), Optional.of("sales-rep"), Optional.of(""));

        assertThat(same).isEqualTo(rep);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void an_unknown_role_or_team_is_refused_field_by_field_and_nothing_changes() {
        assertThatThrownBy(() -> service.update(asAdmin, rep.id(), Optional.of("Overlord"), Optional.of("team-x")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("role", "teamId");
                });
        assertThat(users.find(WS, rep.id()).orElseThrow()).isEqualTo(rep);
    }

    @Test
    void a_team_is_set_and_cleared() {
        assertThat(service.update(asAdmin, rep.id(), Optional.empty(), Optional.of("team-east")).teamId()).isEqualTo("team-east");
        assertThat(service.update(asAdmin, rep.id(), Optional.empty(), Optional.of("")).teamId()).isNull();
        assertThat(audit.actions()).containsExactly("user.changed", "user.changed");
    }

    @Test
    void nobody_grants_a_role_that_carries_permissions_they_lack() {
        Role peopleOps = roles.add(WS, new Role("role_po", "People Ops", Set.of(Permission.USERS_MANAGE), false));
        Role exporter = roles.add(WS, new Role("role_ex", "Exporter", Set.of(Permission.DATA_EXPORT), false));
        Caller caller = Callers.of(WS, "usr_po", peopleOps);

        assertThatThrownBy(() -> service.update(caller, rep.id(), Optional.of(exporter.id()), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(e.extensions()).containsEntry("missingPermissions", List.of("data.export"));
                });
        assertThat(service.update(caller, rep.id(), Optional.of(peopleOps.id()), Optional.empty()).roleId())
                .isEqualTo(peopleOps.id());
    }

    @Test
    void only_an_admin_makes_unmakes_or_deactivates_an_admin() {
        Role everythingButAdmin = roles.add(WS, new Role("role_all", "All", Set.of(Permission.values()), false));
        Caller almostAdmin = Callers.of(WS, "usr_all", everythingButAdmin);
        users.add(WS, "usr_admin2", "admin", UserStatus.ACTIVE);

        assertThatThrownBy(() -> service.update(almostAdmin, rep.id(), Optional.of("admin"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("grant-not-held"));
        assertThatThrownBy(() -> service.deactivate(almostAdmin, "usr_admin2"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("grant-not-held"));
        assertThat(users.find(WS, "usr_admin2").orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(seats.activeAdmins(WS)).isEqualTo(2);
    }

    @Test
    void a_user_of_another_workspace_is_not_found() {
        seats.open("other", 3);
        User stranger = users.add("other", "usr_x", "sales-rep", UserStatus.ACTIVE);

        assertThatThrownBy(() -> service.deactivate(asAdmin, stranger.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        assertThat(users.find("other", stranger.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void listing_filters_by_status() {
        service.deactivate(asAdmin, rep.id());

        assertThat(service.list(asAdmin, Optional.of(UserStatus.DEACTIVATED), Optional.empty(), Optional.empty(), PageRequest.of(null, null))
                .items()).extracting(User::id).containsExactly(rep.id());
        // An unknown status never reaches the use case: the controller refuses it (QueryFilters).
    }
}
