package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.badges.DynamoBadgeStore;
import com.salesos.admin.aws.invites.DynamoInvitationStore;
import com.salesos.admin.aws.points.DynamoPointsLedger;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.users.DynamoUsers;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.Criterion;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.invites.InvitationToken;
import com.salesos.admin.points.ActivityType;
import com.salesos.admin.points.PointsLedger.Entry;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Stored items, laid out by the adapters that write them, as CSV rows: every value where its
 * header says, statuses in lower case, roles by id and name, money in minor units, no secrets.
 */
class ExportRowsTest {

    static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    static final UnaryOperator<String> ROLE_NAMES = id -> id.equals("role_closers") ? "Closers" : "Sales Rep";

    @Test
    void a_user_shows_its_role_by_id_and_name_and_its_status_in_lower_case_without_its_sign_in_subject() {
        User user = new User("usr_1", "ws", new EmailAddress("zoe@example.test"), "Zoë", "role_closers", "team-east",
                UserStatus.DEACTIVATED, "cognito-subject-1", AT);
        List<String> row = row(ExportEntity.USERS, DynamoUsers.toItem(user));
        assertThat(row).containsExactly("usr_1", "zoe@example.test", "Zoë", "role_closers", "Closers", "team-east",
                "deactivated", "2026-11-02T09:30:00Z");
        assertThat(row).doesNotContain("cognito-subject-1");
    }

    @Test
    void an_invitation_shows_lower_case_status_and_delivery_and_never_its_token_hash() {
        InvitationToken.TokenHash hash = new InvitationToken("secret-link-token").hash();
        Invitation invitation = new Invitation("inv_1", "ws", new EmailAddress("new@example.test"), "New Person",
                "sales-rep", null, InvitationStatus.PENDING, DeliveryStatus.SENT, hash, AT.plusSeconds(3600), AT, "usr_admin");
        List<String> row = row(ExportEntity.INVITATIONS, DynamoInvitationStore.toItem(invitation));
        assertThat(ExportEntity.INVITATIONS.columns()).containsExactly("id", "email", "name", "roleId", "roleName",
                "teamId", "status", "delivery", "expiresAt", "createdAt", "createdBy");
        assertThat(row).containsExactly("inv_1", "new@example.test", "New Person", "sales-rep", "Sales Rep", null,
                "pending", "sent", "2026-11-02T10:30:00Z", "2026-11-02T09:30:00Z", "usr_admin");
        assertThat(row).doesNotContain(hash.hex());
    }

    @Test
    void a_ledger_entry_shows_the_activity_its_value_in_minor_units_with_currency_and_its_points() {
        Entry entry = new Entry("ws", "crm-act-1", "usr_rep", ActivityType.DEAL_WON, null, AT, 1250000L, "EUR",
                "deal-1", 2, 50, 125, AT.plusSeconds(5));
        assertThat(row(ExportEntity.POINTS, DynamoPointsLedger.ledgerItem(entry))).containsExactly("crm-act-1", "usr_rep",
                "DEAL_WON", null, "2026-11-02T09:30:00Z", "1250000", "EUR", "deal-1", "2", "50", "125", "175",
                "2026-11-02T09:30:05Z");
        Entry reward = new Entry("ws", "badge-b1-usr_rep", "usr_rep", null, "b1", AT, null, null, null, 0, 30, 0, AT);
        assertThat(row(ExportEntity.POINTS, DynamoPointsLedger.ledgerItem(reward))).containsExactly("badge-b1-usr_rep",
                "usr_rep", null, "b1", "2026-11-02T09:30:00Z", null, null, null, "0", "30", "0", "30", "2026-11-02T09:30:00Z");
    }

    @Test
    void a_custom_badge_shows_its_criterion_and_reward() {
        Badge badge = new Badge("bdg_1", "Closer", "Won 3 deals", "Win three deals",
                new Criterion.ActivityCount(ActivityType.DEAL_WON, 3), 40, true, "image/png");
        assertThat(row(ExportEntity.BADGES, DynamoBadgeStore.toItem("ws", badge))).containsExactly("bdg_1", "Closer",
                "Won 3 deals", "activityCount", "DEAL_WON", "3", "Win three deals", "40", "image/png");
        Badge total = new Badge("bdg_2", "Big", "1000 points", "Reach 1000", new Criterion.PointsTotal(1000), 0, true, null);
        assertThat(row(ExportEntity.BADGES, DynamoBadgeStore.toItem("ws", total))).containsExactly("bdg_2", "Big",
                "1000 points", "pointsTotal", null, "1000", "Reach 1000", "0", null);
    }

    @Test
    void an_award_shows_who_got_which_badge_and_never_the_signed_credential() {
        Item award = Item.of("WS#ws", "AWARD#usr_rep#bdg_1").with("type", "award").with("id", "award-usr_rep-bdg_1")
                .with("badgeId", "bdg_1").with("badgeName", "Closer").with("userId", "usr_rep").with("awardedAt", AT)
                .with("credential", "eyJhbGciOiJFUzI1NiJ9.signed.credential");
        List<String> row = row(ExportEntity.AWARDS, award);
        assertThat(row).containsExactly("award-usr_rep-bdg_1", "bdg_1", "Closer", "usr_rep", "2026-11-02T09:30:00Z");
    }

    @Test
    void a_role_lists_its_permission_codes_sorted_and_a_team_its_name() {
        Item role = Item.of("WS#ws", "ROLE#role_closers").with("type", "role").with("id", "role_closers")
                .with("name", "Closers").with("holders", 2).withSet("permissions", List.of("users.manage", "data.export"));
        assertThat(row(ExportEntity.ROLES, role)).containsExactly("role_closers", "Closers", "data.export users.manage");
        Item team = Item.of("WS#ws", "TEAM#team-east").with("type", "team").with("id", "team-east").with("name", "East");
        assertThat(row(ExportEntity.TEAMS, team)).containsExactly("team-east", "East");
    }

    @Test
    void a_point_settings_version_has_one_points_column_per_activity_type() {
        Item version = Item.of("WS#ws", "POINTSETTINGS#00000002").with("type", "point-settings").with("version", 2)
                .with("effectiveFrom", AT).with("valueBonusMultiplier", "0.5")
                .withAll("points", Map.of("DEAL_WON", "80", "CALL_LOGGED", "3"));
        List<String> columns = ExportEntity.POINT_SETTINGS_HISTORY.columns();
        List<String> row = row(ExportEntity.POINT_SETTINGS_HISTORY, version);
        assertThat(columns).startsWith("version", "effectiveFrom", "valueBonusMultiplier", "points_LEAD_CREATED");
        assertThat(row.subList(0, 3)).containsExactly("2", "2026-11-02T09:30:00Z", "0.5");
        assertThat(row.get(columns.indexOf("points_DEAL_WON"))).isEqualTo("80");
        assertThat(row.get(columns.indexOf("points_CALL_LOGGED"))).isEqualTo("3");
        assertThat(row.get(columns.indexOf("points_LEAD_CREATED"))).isNull();
    }

    @Test
    void an_audit_record_shows_before_and_after_as_exact_json_objects() {
        AuditEvent event = new AuditEvent("ws", "usr_admin", "user.role-changed", "user", "usr_rep", AT,
                Map.of("roleId", "sales-rep"), Map.of("roleId", "manager", "note", "said \"yes\"\nthen\\left"));
        Item audit = Item.from(new DynamoAuditLog("t", prefix -> prefix + "_1").append(event).put().item());
        assertThat(row(ExportEntity.AUDIT_LOG, audit)).containsExactly("aud_1", "2026-11-02T09:30:00Z", "usr_admin",
                "user.role-changed", "user", "usr_rep", "{\"roleId\":\"sales-rep\"}",
                "{\"note\":\"said \\\"yes\\\"\\nthen\\\\left\",\"roleId\":\"manager\"}");
        AuditEvent bare = new AuditEvent("ws", "support", "user.provisioned", "user", "usr_1", AT, Map.of(), Map.of());
        Item noFields = Item.from(new DynamoAuditLog("t", prefix -> prefix + "_2").append(bare).put().item());
        assertThat(row(ExportEntity.AUDIT_LOG, noFields).subList(6, 8)).containsExactly("{}", "{}");
        AuditEvent typed = new AuditEvent("ws", "usr_admin", "point-settings.changed", "point-settings", "2", AT,
                Map.of("version", 1), Map.of("version", 2, "pointsByActivityType", Map.of("DEAL_WON", 60),
                        "dealIds", java.util.List.of("d-1", "d-2"), "valueBonusMultiplier", new java.math.BigDecimal("1.5")));
        Item typedItem = Item.from(new DynamoAuditLog("t", prefix -> prefix + "_3").append(typed).put().item());
        assertThat(row(ExportEntity.AUDIT_LOG, typedItem).subList(6, 8)).containsExactly("{\"version\":1}",
                "{\"dealIds\":[\"d-1\",\"d-2\"],\"pointsByActivityType\":{\"DEAL_WON\":60},\"valueBonusMultiplier\":1.5,\"version\":2}");
    }

    @Test
    void crm_records_keep_their_values_and_a_deal_amount_is_in_minor_units() {
        Item deal = Item.of("WS#ws", "DEAL#deal-1").with("type", "deal").with("id", "deal-1").with("name", "Globex")
                .with("stage", "won").with("amount", "1250000").with("currency", "EUR").with("ownerUserId", "usr_rep")
                .with("createdAt", AT);
        assertThat(ExportEntity.DEALS.columns()).containsExactly("id", "name", "stage", "amountMinor", "currency",
                "ownerUserId", "createdAt");
        assertThat(row(ExportEntity.DEALS, deal)).containsExactly("deal-1", "Globex", "won", "1250000", "EUR", "usr_rep",
                "2026-11-02T09:30:00Z");
    }

    @Test
    void every_row_has_exactly_its_header_s_cells() {
        Item empty = Item.of("WS#ws", "X#1");
        for (ExportEntity entity : ExportEntity.values()) {
            assertThat(row(entity, empty)).as(entity.wireName()).hasSameSizeAs(entity.columns());
            assertThat(entity.columns()).as(entity.wireName()).doesNotHaveDuplicates();
            assertThat(ExportEntity.fromWireName(entity.wireName())).contains(entity);
        }
        assertThat(Arrays.stream(ExportEntity.values()).map(ExportEntity::wireName)).containsExactly("deals", "leads",
                "users", "activities", "invitations", "roles", "teams", "points", "awards", "badges",
                "point-settings-history", "audit-log");
    }

    private static List<String> row(ExportEntity entity, Item item) {
        return ExportRows.row(entity, item, ROLE_NAMES);
    }
}
