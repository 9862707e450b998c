package com.salesos.admin.exports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an export can contain: one CSV file per entity, with a fixed column order (documented in
 * the README). Changing a column list changes every future export, so columns are only ever
 * appended.
 */
public enum ExportEntity {
    DEALS("deals", List.of("id", "name", "stage", "amount", "currency", "ownerUserId", "createdAt")),
    LEADS("leads", List.of("id", "name", "email", "company", "phone", "status", "ownerUserId", "createdAt")),
    USERS("users", List.of("id", "email", "name", "role", "teamId", "status", "createdAt")),
    ACTIVITIES("activities", List.of("id", "activityType", "dealId", "ownerUserId", "occurredAt", "createdAt"));

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

    public static Optional<ExportEntity> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
