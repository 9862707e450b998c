package com.salesos.admin.exports;

import com.salesos.admin.points.ActivityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an export can contain: one CSV file per kind of data the workspace holds, with a fixed
 * column order (docs/exports.md documents every file). Changing a column list changes every future
 * export, so columns are only ever appended. Money columns carry their unit in the name
 * ({@code amountMinor}: minor units of the row's {@code currency}), because a bare "amount" reads
 * as euros in a spreadsheet when it is cents. The declaration order is the files' order in the zip.
 */
public enum ExportEntity {
    DEALS("deals", List.of("id", "name", "stage", "amountMinor", "currency", "ownerUserId", "createdAt")),
    LEADS("leads", List.of("id", "name", "email", "company", "phone", "status", "ownerUserId", "createdAt")),
    USERS("users", List.of("id", "email", "name", "roleId", "roleName", "teamId", "status", "createdAt")),
    ACTIVITIES("activities", List.of("id", "activityType", "dealId", "ownerUserId", "occurredAt", "createdAt")),
    INVITATIONS("invitations", List.of("id", "email", "name", "roleId", "roleName", "teamId", "status", "delivery",
            "expiresAt", "createdAt", "createdBy")),
    ROLES("roles", List.of("id", "name", "permissions")),
    TEAMS("teams", List.of("id", "name")),
    POINTS("points", List.of("activityId", "userId", "activityType", "badgeId", "occurredAt", "valueMinor", "currency",
            "dealId", "settingsVersion", "basePoints", "bonusPoints", "totalPoints", "recordedAt")),
    AWARDS("awards", List.of("id", "badgeId", "badgeName", "userId", "awardedAt")),
    BADGES("badges", List.of("id", "name", "description", "criterionKind", "activityType", "atLeast", "narrative",
            "pointReward", "imageType")),
    POINT_SETTINGS_HISTORY("point-settings-history", pointSettingsColumns()),
    AUDIT_LOG("audit-log", List.of("id", "at", "actorUserId", "action", "targetType", "targetId", "before", "after"));

    private final String wireName;
    private final List<String> columns;

    ExportEntity(String wireName, List<String> columns) {
        this.wireName = wireName;
        this.columns = columns;
    }

    /** The name clients use ({@code deals}) and the file name stem inside the zip. */
    public String wireName() {
        return wireName;
    }

    public String fileName() {
        return wireName + ".csv";
    }

    /** The header row, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The header of the point-settings file's per-type column ({@code points_DEAL_WON}: points one such activity earns). */
    public static String pointsColumn(ActivityType type) {
        return "points_" + type.name();
    }

    /** One column per activity type, in the type's declaration order, so a new type appends a column. */
    private static List<String> pointSettingsColumns() {
        List<String> columns = new ArrayList<>(List.of("version", "effectiveFrom", "valueBonusMultiplier"));
        Arrays.stream(ActivityType.values()).map(ExportEntity::pointsColumn).forEach(columns::add);
        return List.copyOf(columns);
    }

    public static Optional<ExportEntity> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
