package com.salesos.admin.aws.exports;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.JsonText;
import com.salesos.admin.exports.ExportEntity;
import com.salesos.admin.points.ActivityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stored item as one CSV row of its entity, values as the API shows them: statuses in lower
 * case ({@code active}, not the stored {@code ACTIVE}), roles by id and name, times as stored
 * (ISO 8601 UTC), money in minor units next to its currency. The columns are
 * {@link ExportEntity#columns()}, in that order. What the export leaves out on purpose never
 * reaches a row: invitation token hashes, sign-in subjects, signed badge credentials, idempotency
 * records and send counters (docs/exports.md says why).
 */
final class ExportRows {

    private ExportRows() {
    }

    /**
     * The row of {@code item}; {@code roleName} turns a role id into the role's name (empty when
     * the role no longer exists).
     */
    static List<String> row(ExportEntity entity, Item item, UnaryOperator<String> roleName) {
        return switch (entity) {
            case DEALS -> cells(text(item, "id"), text(item, "name"), text(item, "stage"), text(item, "amount"),
                    text(item, "currency"), text(item, "ownerUserId"), text(item, "createdAt"));
            case LEADS -> cells(text(item, "id"), text(item, "name"), text(item, "email"), text(item, "company"),
                    text(item, "phone"), text(item, "status"), text(item, "ownerUserId"), text(item, "createdAt"));
            case USERS -> cells(text(item, "id"), text(item, "email"), text(item, "name"), text(item, "roleId"),
                    name(item, roleName), text(item, "teamId"), lower(item, "status"), text(item, "createdAt"));
            case ACTIVITIES -> cells(text(item, "id"), text(item, "activityType"), text(item, "dealId"),
                    text(item, "ownerUserId"), text(item, "occurredAt"), text(item, "createdAt"));
            case INVITATIONS -> cells(text(item, "id"), text(item, "email"), text(item, "name"), text(item, "roleId"),
                    name(item, roleName), text(item, "teamId"), lower(item, "status"), lower(item, "delivery"),
                    text(item, "expiresAt"), text(item, "createdAt"), text(item, "createdBy"));
            case ROLES -> cells(text(item, "id"), text(item, "name"), permissions(item));
            case TEAMS -> cells(text(item, "id"), text(item, "name"));
            case POINTS -> cells(text(item, "activityId"), text(item, "userId"), text(item, "activityType"),
                    text(item, "badgeId"), text(item, "occurredAt"), text(item, "valueAmount"), text(item, "currency"),
                    text(item, "dealId"), text(item, "settingsVersion"), text(item, "base"), text(item, "bonus"),
                    // The API shows an entry's total as base + bonus; the store keeps the two parts.
                    Long.toString(item.number("base") + item.number("bonus")), text(item, "recordedAt"));
            case AWARDS -> cells(text(item, "id"), text(item, "badgeId"), text(item, "badgeName"), text(item, "userId"),
                    text(item, "awardedAt"));
            case BADGES -> cells(text(item, "id"), text(item, "name"), text(item, "description"),
                    text(item, "criterionKind"), text(item, "activityType"), text(item, "atLeast"),
                    text(item, "narrative"), text(item, "pointReward"), text(item, "imageType"));
            case POINT_SETTINGS_HISTORY -> pointSettings(item);
            case AUDIT_LOG -> cells(text(item, "id"), text(item, "at"), text(item, "actor"), text(item, "action"),
                    text(item, "targetType"), text(item, "targetId"), json(item.values().get("before")),
                    json(item.values().get("after")));
        };
    }

    private static List<String> cells(String... values) {
        return Arrays.asList(values);
    }

    /** Strings as they are, numbers as written, booleans as true/false; anything absent is an empty cell. */
    private static String text(Item item, String attribute) {
        AttributeValue value = item.values().get(attribute);
        if (value == null) {
            return null;
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.bool() != null) {
            return value.bool().toString();
        }
        return null;
    }

    /** A stored enum constant as the API writes it ({@code PENDING} is {@code pending}). */
    private static String lower(Item item, String attribute) {
        String value = text(item, attribute);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String name(Item item, UnaryOperator<String> roleName) {
        String roleId = text(item, "roleId");
        return roleId == null ? null : roleName.apply(roleId);
    }

    /** Permission codes, sorted, separated by a space ({@code data.export users.manage}). */
    private static String permissions(Item item) {
        AttributeValue value = item.values().get("permissions");
        return value == null || !value.hasSs() ? null : String.join(" ", value.ss().stream().sorted().toList());
    }

    /** Version, start, multiplier, then the points of each activity type in the header's order. */
    private static List<String> pointSettings(Item item) {
        List<String> row = new ArrayList<>(ExportEntity.POINT_SETTINGS_HISTORY.columns().size());
        row.add(text(item, "version"));
        row.add(text(item, "effectiveFrom"));
        row.add(text(item, "valueBonusMultiplier"));
        AttributeValue points = item.values().get("points");
        Map<String, AttributeValue> byType = points != null && points.hasM() ? points.m() : Map.of();
        for (ActivityType type : ActivityType.values()) {
            AttributeValue value = byType.get(type.name());
            row.add(value == null ? null : value.s());
        }
        return row;
    }

    /**
     * An audit record's before or after fields as one JSON object, keys sorted, so the cell is
     * exact (any value may hold commas, quotes or line breaks) and reads the same in every export.
     */
    static String json(AttributeValue map) {
        if (map == null || !map.hasM()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        write(map, out);
        return out.toString();
    }

    /** Any recorded value as JSON: text, numbers, booleans, lists and objects (keys sorted) keep their types. */
    private static void write(AttributeValue value, StringBuilder out) {
        if (value.s() != null) {
            JsonText.quote(out, value.s());
        } else if (value.n() != null) {
            out.append(value.n());
        } else if (value.bool() != null) {
            out.append(value.bool());
        } else if (value.hasM()) {
            out.append('{');
            boolean first = true;
            for (var member : new TreeMap<>(value.m()).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.quote(out, member.getKey());
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value.hasL()) {
            out.append('[');
            for (int i = 0; i < value.l().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.l().get(i), out);
            }
            out.append(']');
        } else if (value.hasSs()) {
            out.append('[');
            for (int i = 0; i < value.ss().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.quote(out, value.ss().get(i));
            }
            out.append(']');
        } else {
            out.append("null");
        }
    }

}
