package com.salesos.admin.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.BulkScreening.Holder;
import com.salesos.admin.invites.BulkScreening.Screened;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The row rules of a bulk file, on plain values: no store, no I/O. */
class BulkScreeningTest {

    static final Caller ADMIN = new Caller("ws", "usr_admin", "admin@x.test", "Admin", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);
    static final Role PEOPLE_OPS = new Role("role_po", "People Ops", EnumSet.of(Permission.USERS_MANAGE), false);
    static final Caller PEOPLE_OPS_CALLER = new Caller("ws", "usr_po", "po@x.test", "PO", null, PEOPLE_OPS, UserStatus.ACTIVE);
    static final String FILE = "bulk_0190aabbccdd0011223344556677";

    static Screened screen(Caller caller, List<BulkRow> rows, Map<EmailAddress, Holder> holders) {
        return BulkScreening.screen(caller, FILE, rows,
                ref -> BuiltInRoles.find(ref).or(() -> ref.equalsIgnoreCase("people ops") ? Optional.of(PEOPLE_OPS) : Optional.empty()),
                ref -> ref.equalsIgnoreCase("east") || ref.equals("team-east") ? Optional.of("team-east") : Optional.empty(),
                holders);
    }

    @Test
    void every_fault_of_a_row_is_reported_and_the_first_names_the_code() {
        Screened screened = screen(ADMIN, List.of(new BulkRow(2, "nope", " ", "overlord", "Nowhere")), Map.of());

        assertThat(screened.valid()).isEmpty();
        RowOutcome row = screened.rejected().get(0);
        assertThat(row.code()).isEqualTo("invalid-email");
        assertThat(row.reason()).isEqualTo("email is not a valid email address; name is required; "
                + "role 'overlord' is not a role of this workspace; team 'Nowhere' is not a team of this workspace");
    }

    @Test
    void a_file_uses_at_most_fifty_custom_roles_and_rows_with_a_further_one_are_rejected() {
        // Each custom role a file uses is one hold in the reservation's transaction (at most 100 items).
        List<BulkRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= BulkScreening.MAX_CUSTOM_ROLES; i++) {
            rows.add(new BulkRow(2 + i, "r" + i + "@x.test", "R" + i, "custom-" + i, null));
        }
        rows.add(new BulkRow(100, "again@x.test", "Again", "custom-0", null));
        rows.add(new BulkRow(101, "rep@x.test", "Rep", "sales-rep", null));

        Screened screened = BulkScreening.screen(ADMIN, FILE, rows,
                ref -> BuiltInRoles.find(ref).or(() -> Optional.of(new Role(ref, ref, EnumSet.of(Permission.DATA_EXPORT), false))),
                ref -> Optional.empty(), Map.of());

        assertThat(screened.valid()).hasSize(BulkScreening.MAX_CUSTOM_ROLES + 2);
        assertThat(screened.rejected()).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(2 + BulkScreening.MAX_CUSTOM_ROLES);
            assertThat(row.code()).isEqualTo("too-many-custom-roles");
        });
    }

    @Test
    void the_second_row_with_an_address_differing_only_in_case_is_a_duplicate_of_the_first() {
        Screened screened = screen(ADMIN, List.of(new BulkRow(2, "Ann@X.test", "Ann", "sales-rep", null),
                new BulkRow(3, " ann@x.TEST ", "Ann again", "manager", "east")), Map.of());

        assertThat(screened.valid()).extracting(BulkScreening.ValidRow::row).containsExactly(2);
        assertThat(screened.rejected().get(0).code()).isEqualTo("duplicate-in-file");
        assertThat(screened.rejected().get(0).reason()).isEqualTo("the same email is on row 2");
    }

    @Test
    void an_address_a_user_or_another_invitation_holds_is_taken_but_the_files_own_row_is_already_written() {
        EmailAddress member = EmailAddress.parse("member@x.test").orElseThrow();
        EmailAddress pending = EmailAddress.parse("pending@x.test").orElseThrow();
        EmailAddress own = EmailAddress.parse("own@x.test").orElseThrow();
        Screened screened = screen(ADMIN, List.of(new BulkRow(2, "member@x.test", "M", "sales-rep", null),
                        new BulkRow(3, "pending@x.test", "P", "sales-rep", null),
                        new BulkRow(4, "own@x.test", "O", "sales-rep", null)),
                Map.of(member, Holder.user(), pending, Holder.invitation("inv_other"),
                        own, Holder.invitation(BulkInvitationIds.of(FILE, 4))));

        assertThat(screened.rejected()).extracting(RowOutcome::code).containsExactly("email-taken", "email-taken");
        assertThat(screened.written()).extracting(BulkScreening.ValidRow::row).containsExactly(4);
        assertThat(screened.toWrite()).isEmpty();
    }

    @Test
    void nobody_invites_with_a_role_carrying_permissions_they_do_not_hold() {
        Screened screened = screen(PEOPLE_OPS_CALLER, List.of(new BulkRow(2, "a@x.test", "A", "Admin", null),
                new BulkRow(3, "b@x.test", "B", "People Ops", null)), Map.of());

        assertThat(screened.rejected()).extracting(RowOutcome::code).containsExactly("role-not-grantable");
        assertThat(screened.valid()).extracting(r -> r.role().id()).containsExactly("role_po");
    }

    @Test
    void names_are_cleaned_to_one_line_and_kept_as_text_even_when_they_look_like_formulas() {
        Screened screened = screen(ADMIN, List.of(new BulkRow(2, "f@x.test", "=1+2\r\ncmd|' /C calc'!A0", "sales-rep", "team-east"),
                new BulkRow(3, "long@x.test", "x".repeat(201), "sales-rep", null),
                new BulkRow(4, "short@x.test", "Short", "sales-rep", null, "the row has 2 fields, the header 3")), Map.of());

        assertThat(screened.valid().get(0).name()).isEqualTo("=1+2 cmd|' /C calc'!A0");
        assertThat(screened.valid().get(0).teamId()).isEqualTo("team-east");
        assertThat(screened.rejected()).extracting(RowOutcome::code).containsExactly("name-too-long", "wrong-field-count");
    }

    @Test
    void a_files_invitation_ids_follow_its_rows_and_share_one_prefix() {
        assertThat(BulkInvitationIds.of(FILE, 7)).isEqualTo("inv_0190aabbccdd0011223344556677_00007");
        assertThat(BulkInvitationIds.of(FILE, 5001)).startsWith(BulkInvitationIds.prefix(FILE));
    }

    @Test
    void lanes_split_the_rows_into_contiguous_blocks_of_nearly_equal_size() {
        List<BulkScreening.ValidRow> rows = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new BulkScreening.ValidRow(i + 2, EmailAddress.parse("r" + i + "@x.test").orElseThrow(), "R",
                        BuiltInRoles.SALES_REP, null, false)).toList();

        var lanes = BulkInvitationService.split(rows, 3);

        assertThat(lanes).extracting(List::size).containsExactly(4, 3, 3);
        assertThat(lanes.get(1).get(0).row()).isEqualTo(6);
        assertThat(BulkInvitationService.split(rows.subList(0, 1), 3)).extracting(List::size).containsExactly(1, 0, 0);
    }
}
