package com.salesos.admin.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admin, Manager and Sales Rep exist in every workspace and cannot be changed. Managers coach
 * their teams (gamification) but do not administer people, billing or exports; Sales Reps
 * administer nothing.
 */
public final class BuiltInRoles {

    public static final Role ADMIN = new Role("admin", "Admin", EnumSet.allOf(Permission.class), true);
    public static final Role MANAGER = new Role("manager", "Manager", EnumSet.of(Permission.GAMIFICATION_MANAGE), true);
    public static final Role SALES_REP = new Role("sales-rep", "Sales Rep", EnumSet.noneOf(Permission.class), true);

    public static final List<Role> ALL = List.of(ADMIN, MANAGER, SALES_REP);

    private BuiltInRoles() {
    }

    /** Finds a built-in role by id or by name, case-insensitively ({@code Sales Rep}, {@code sales-rep}). */
    public static Optional<Role> find(String reference) {
        String wanted = reference.trim().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(r -> r.id().equals(wanted) || r.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
