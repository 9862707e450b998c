package com.salesos.admin.functions.exportworker;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.exports.ExportEntity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Export all data" is all the data: one of each kind is created the way the product creates it
 * (routes of the users, invites and points functions, the CRM identity posting an activity), then
 * an export without {@code entities} holds every kind in its own file, values as the API shows them.
 */
@ExtendWith(LocalAwsExtension.class)
class ExportEverythingThroughLambdaTest {

    static final String WS = "ws-all";
    static final String ADMIN = "usr_all_admin";
    static final String REP = "usr_all_rep";

    static ExportFixture fx;

    @BeforeAll
    static void setUp(LocalAws aws, MovableClock clock, @OnMovableClock LambdaApi api, SentEmails emails) {
        fx = new ExportFixture(aws, clock, api, emails);
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void an_export_without_entities_has_one_file_per_kind_with_every_value_as_the_api_shows_it() {
        // An enterprise workspace (custom badges), a team, an admin and a rep.
        String admin = TestWorkspace.on(fx.aws, WS).name("All Co").tier("enterprise").seatLimit(20)
                .team("team-east", "East, \"big\" team")
                .user(ADMIN, "admin@all.test", "Admin", "admin")
                .user(REP, "rep@all.test", "=Rep", "sales-rep", "team-east")
                .deal("deal-1", REP, Map.of("name", "Globex", "stage", "won", "amount", "1250000", "currency", "EUR"))
                .record("lead", "lead-1", REP, Map.of("name", "Dana", "email", "dana@lead.test",
                        "company", "+Acme", "status", "new"))
                .record("activity", "act-1", REP, Map.of("activityType", "CALL_LOGGED",
                        "dealId", "deal-1", "occurredAt", "2026-11-01T10:00:00Z"))
                .build().user(ADMIN).subject();

        // A custom role, given to the rep; an invitation to it.
        var role = fx.api.call("POST", "/v1/roles", json("name", "Closers", "permissions", List.of("data.export")), admin);
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        String closers = role.json().path("id").asText();
        var patched = fx.api.call("PATCH", "/v1/users/" + REP, json("role", "Closers"), admin);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        var invited = fx.api.call("POST", "/v1/invitations",
                json("email", "new@all.test", "name", "New Person", "role", "closers", "teamId", "team-east"), admin);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String invitationId = invited.json().path("id").asText();

        // A point-settings change, in force from now on; a custom badge for the first deal won.
        var settings = fx.api.call("PUT", "/v1/gamification/point-settings", "{\"pointsByActivityType\":{\"LEAD_CREATED\":5,"
                + "\"DEAL_CREATED\":10,\"DEAL_WON\":80,\"CALL_LOGGED\":2,\"MEETING_HELD\":5,\"EMAIL_SENT\":1},"
                + "\"valueBonusMultiplier\":2}", admin, Map.of("If-Match", "\"0\""));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        var badge = fx.api.call("POST", "/v1/gamification/badges", json("name", "Closer", "description", "Won a deal",
                "pointReward", 25, "criteria", Map.of("kind", "activityCount", "activityType", "DEAL_WON", "atLeast", 1,
                        "narrative", "Win a deal.")), admin);
        assertThat(badge.status()).as(badge.body()).isEqualTo(201);
        String badgeId = badge.json().path("id").asText();

        // The CRM posts a won deal worth 12,500.00 EUR: points, the custom badge (award + reward).
        fx.clock.advance(Duration.ofMinutes(5));
        CrmAccount crm = fx.aws.openCrmAccount(WS);
        var scored = fx.api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "crm-won-1", "userId", REP,
                "type", "DEAL_WON", "occurredAt", fx.clock.instant().minusSeconds(60).toString(),
                "value", Map.of("amount", 1250000, "currency", "EUR"), "dealId", "deal-1"));
        assertThat(scored.status()).as(scored.body()).isBetween(200, 201);
        assertThat(scored.json().path("badgesAwarded").toString()).contains(badgeId);
        JsonNode entry = scored.json().path("points");

        // Everything, asked for by naming nothing.
        var accepted = fx.api.call("POST", "/v1/exports", "{}", admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        fx.driver.drain();
        JsonNode job = fx.job(admin, id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");

        byte[] zip = fx.download(admin, id);
        Map<String, List<CSVRecord>> files = ExportFixture.unzip(zip); // checks every file's header too
        assertThat(files.keySet()).containsExactly("deals.csv", "leads.csv", "users.csv", "activities.csv",
                "invitations.csv", "roles.csv", "teams.csv", "points.csv", "awards.csv", "badges.csv",
                "point-settings-history.csv", "audit-log.csv");
        for (ExportEntity entity : ExportEntity.values()) {
            assertThat(job.path("counts").path(entity.wireName()).asLong()).as(entity.wireName())
                    .isEqualTo(files.get(entity.fileName()).size());
            assertThat(job.path("progress").path(entity.wireName())).isEqualTo(job.path("counts").path(entity.wireName()));
        }

        CSVRecord deal = only(files, "deals.csv", r -> r.get("id").equals("deal-1"));
        assertThat(deal.get("amountMinor")).isEqualTo("1250000");
        assertThat(deal.get("currency")).isEqualTo("EUR");
        assertThat(deal.get("stage")).isEqualTo("won");

        CSVRecord lead = only(files, "leads.csv", r -> r.get("id").equals("lead-1"));
        assertThat(lead.toMap()).containsEntry("name", "Dana").containsEntry("email", "dana@lead.test")
                .containsEntry("company", "'+Acme").containsEntry("status", "new").containsEntry("ownerUserId", REP);
        CSVRecord crmActivity = only(files, "activities.csv", r -> r.get("id").equals("act-1"));
        assertThat(crmActivity.toMap()).containsEntry("activityType", "CALL_LOGGED").containsEntry("dealId", "deal-1")
                .containsEntry("ownerUserId", REP).containsEntry("occurredAt", "2026-11-01T10:00:00Z");

        CSVRecord rep = only(files, "users.csv", r -> r.get("id").equals(REP));
        assertThat(rep.toMap()).containsEntry("email", "rep@all.test").containsEntry("name", "'=Rep")
                .containsEntry("roleId", closers).containsEntry("roleName", "Closers")
                .containsEntry("teamId", "team-east").containsEntry("status", "active");
        CSVRecord adminRow = only(files, "users.csv", r -> r.get("id").equals(ADMIN));
        assertThat(adminRow.get("roleId")).isEqualTo("admin");
        assertThat(adminRow.get("roleName")).isEqualTo("Admin");

        CSVRecord invitation = only(files, "invitations.csv", r -> r.get("id").equals(invitationId));
        assertThat(invitation.toMap()).containsEntry("email", "new@all.test").containsEntry("name", "New Person")
                .containsEntry("roleId", closers).containsEntry("roleName", "Closers").containsEntry("teamId", "team-east")
                .containsEntry("status", "pending").containsEntry("delivery", "sent")
                .containsEntry("expiresAt", invited.json().path("expiresAt").asText())
                .containsEntry("createdAt", invited.json().path("createdAt").asText())
                .containsEntry("createdBy", ADMIN);

        CSVRecord closersRow = only(files, "roles.csv", r -> r.get("id").equals(closers));
        assertThat(closersRow.get("name")).isEqualTo("Closers");
        assertThat(closersRow.get("permissions")).isEqualTo("data.export");
        assertThat(only(files, "teams.csv", r -> r.get("id").equals("team-east")).get("name")).isEqualTo("East, \"big\" team");

        CSVRecord won = only(files, "points.csv", r -> r.get("activityId").equals("crm-won-1"));
        assertThat(won.toMap()).containsEntry("userId", REP).containsEntry("activityType", "DEAL_WON")
                .containsEntry("badgeId", "").containsEntry("valueMinor", "1250000").containsEntry("currency", "EUR")
                .containsEntry("dealId", "deal-1").containsEntry("settingsVersion", "1")
                .containsEntry("basePoints", "80").containsEntry("bonusPoints", entry.path("bonus").asText())
                .containsEntry("totalPoints", entry.path("total").asText())
                .containsEntry("occurredAt", entry.path("occurredAt").asText())
                .containsEntry("recordedAt", entry.path("recordedAt").asText());
        CSVRecord reward = only(files, "points.csv", r -> r.get("badgeId").equals(badgeId));
        assertThat(reward.toMap()).containsEntry("userId", REP).containsEntry("activityType", "")
                .containsEntry("basePoints", "25").containsEntry("totalPoints", "25").containsEntry("valueMinor", "");

        CSVRecord award = only(files, "awards.csv", r -> r.get("badgeId").equals(badgeId));
        assertThat(award.toMap()).containsEntry("badgeName", "Closer").containsEntry("userId", REP);
        assertThat(award.get("awardedAt")).isNotBlank();

        CSVRecord custom = only(files, "badges.csv", r -> r.get("id").equals(badgeId));
        assertThat(custom.toMap()).containsEntry("name", "Closer").containsEntry("description", "Won a deal")
                .containsEntry("criterionKind", "activityCount").containsEntry("activityType", "DEAL_WON")
                .containsEntry("atLeast", "1").containsEntry("narrative", "Win a deal.").containsEntry("pointReward", "25");

        CSVRecord version = only(files, "point-settings-history.csv", r -> r.get("version").equals("1"));
        assertThat(version.toMap()).containsEntry("effectiveFrom", settings.json().path("effectiveFrom").asText())
                .containsEntry("valueBonusMultiplier", "2").containsEntry("points_DEAL_WON", "80")
                .containsEntry("points_CALL_LOGGED", "2").containsEntry("points_EMAIL_SENT", "1");

        List<CSVRecord> audit = files.get("audit-log.csv");
        assertThat(audit).hasSize(auditRecords());
        CSVRecord roleCreated = only(files, "audit-log.csv", r -> r.get("targetId").equals(closers) && r.get("before").equals("{}"));
        assertThat(roleCreated.get("actorUserId")).isEqualTo(ADMIN);
        assertThat(roleCreated.get("targetType")).isEqualTo("role");
        assertThat(roleCreated.get("after")).startsWith("{").contains("\"Closers\"");
        assertThat(audit.stream().map(r -> r.get("targetId"))).contains(REP, invitationId, badgeId);

        // No secrets: the invitation's token hash and the award's signed credential are in no file.
        String everything = text(zip);
        assertThat(everything).doesNotContain(stored("INVITATION#" + invitationId, "tokenHash"))
                .doesNotContain(stored("AWARD#" + REP + "#" + badgeId, "credential"));
    }

    private static CSVRecord only(Map<String, List<CSVRecord>> files, String file, Predicate<CSVRecord> which) {
        List<CSVRecord> found = files.get(file).stream().filter(which).toList();
        assertThat(found).as(file).hasSize(1);
        return found.get(0);
    }

    private static String stored(String sortKey, String attribute) {
        String value = fx.aws.dynamo().getItem(r -> r.tableName(fx.aws.tableName()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS(sortKey)))).item().get(attribute).s();
        assertThat(value).isNotBlank();
        return value;
    }

    private static int auditRecords() {
        return fx.aws.dynamo().query(r -> r.tableName(fx.aws.tableName()).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + WS + "#AUDIT")))).count();
    }

    /** Every file of the zip as one text, to look for what must not be there. */
    private static String text(byte[] zip) {
        StringBuilder all = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return all.toString();
    }
}
