package com.salesos.admin.functions.users;

import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.seats.Seats;
import com.salesos.admin.users.DealReassignment;
import com.salesos.admin.web.RoleView;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes the users routes answer with (API.md). */
final class Views {

    private Views() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(String id, String email, String name, RoleView role, List<String> permissions, @Nullable String teamId,
              String status, WorkspaceRef workspace) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WorkspaceRef(String id, String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SeatsView(long limit, long used, long active, long pending, long available) {
        static SeatsView of(Seats seats) {
            return new SeatsView(seats.limit(), seats.used(), seats.active(), seats.pending(), seats.available());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RoleDetail(String id, String name, boolean builtIn, List<String> permissions) {
        static RoleDetail of(Role role) {
            return new RoleDetail(role.id(), role.name(), role.builtIn(), permissionCodes(role));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TeamView(String id, String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditEntryView(String id, Instant at, String actorUserId, String action, String targetType, String targetId,
                          Map<String, Object> before, Map<String, Object> after) {
        static AuditEntryView of(AuditTrail.Entry entry) {
            var e = entry.event();
            return new AuditEntryView(entry.id(), e.at(), e.actorUserId(), e.action(), e.targetType(), e.targetId(),
                    new java.util.TreeMap<String, Object>(e.before()), new java.util.TreeMap<String, Object>(e.after()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReassignmentView(int moved, List<String> movedDealIds, List<String> notMoved) {
    }

    /**
     * A background move of all of a user's deals: {@code moved} so far (exact), the estimate counted
     * when it started ({@code estimateCapped}: at least that many), {@code error} once it failed
     * (or, while it runs, why its last attempt failed before a retry).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DealReassignmentView(String id, String status, String fromUserId, String toUserId, String requestedBy,
                                long estimatedDeals, boolean estimateCapped, long moved, @Nullable String error,
                                Instant createdAt, @Nullable Instant finishedAt) {
        static DealReassignmentView of(DealReassignment job) {
            return new DealReassignmentView(job.id(), job.status().wireName(), job.fromUserId(), job.toUserId(),
                    job.requestedBy(), job.estimatedDeals(), job.estimateCapped(), job.moved(), job.error().orElse(null),
                    job.createdAt(), job.finishedAt().orElse(null));
        }
    }

    /** Every permission, in the order of its code: what the views list. */
    private static final List<Permission> BY_CODE = java.util.Arrays.stream(Permission.values())
            .sorted(java.util.Comparator.comparing(Permission::code)).toList();

    /** The role's permission codes in alphabetical order (picked from a list sorted once: this runs on every GET /v1/me). */
    static List<String> permissionCodes(Role role) {
        List<String> codes = new java.util.ArrayList<>(BY_CODE.size());
        for (Permission permission : BY_CODE) {
            if (role.permissions().contains(permission)) {
                codes.add(permission.code());
            }
        }
        return java.util.Collections.unmodifiableList(codes);
    }

    /** API.md: {id, name, stage, amount: {amount, currency}}; amount is null when the CRM gave none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DealView(String id, String name, String stage, @Nullable MoneyView amount) {
        static DealView of(com.salesos.admin.users.DealOwnership.Deal deal) {
            return new DealView(deal.id(), deal.name(), deal.stage(),
                    deal.amount().map(a -> new MoneyView(a, deal.currency())).orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MoneyView(long amount, String currency) {
    }
}
