package com.salesos.admin.points;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CrmClient;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.ExpectedVersion;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.points.PointsLedger.Entry;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.Validation;
import com.salesos.admin.users.UserStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Point settings (versioned, optimistic) and activity scoring into the ledger. */
public final class PointsService {

    private static final int MAX_ACTIVITY_ID = 128;

    private final PointSettingsStore settings;
    private final PointsLedger ledger;
    private final UserStore users;
    private final Rewards rewards;
    private final Clock clock;

    public PointsService(PointSettingsStore settings, PointsLedger ledger, UserStore users,
                         Rewards rewards, Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.users = users;
        this.rewards = rewards;
        this.clock = clock;
    }

    public PointSettings current(Caller caller) {
        return settings.current(caller.workspaceId());
    }

    public List<PointSettings> history(Caller caller) {
        return settings.history(caller.workspaceId());
    }

    /**
     * Saves a new version effective now, replacing every value: each activity type must be given.
     * {@code expected} must name the current version, so two admins editing at once cannot
     * overwrite each other silently.
     */
    public PointSettings replace(Caller caller, Optional<ExpectedVersion> expected, Map<String, Integer> pointsByType,
                                 BigDecimal multiplier) {
        ExpectedVersion from = expected.orElseThrow(PointsProblems::versionRequired);
        Validation validation = new Validation();
        Map<ActivityType, Integer> points = validPoints(pointsByType, validation);
        // A replacement names every type: a type left out would silently score 0 from now on.
        for (ActivityType type : ActivityType.values()) {
            if (pointsByType == null || !pointsByType.containsKey(type.name())) {
                validation.reject("pointsByActivityType." + type.name(), "is required");
            }
        }
        BigDecimal bonus = checkMultiplier(multiplier, validation);
        validation.throwIfInvalid();
        return saveNext(caller, from, current -> new PointSettings(current.version() + 1, clock.instant(), points, bonus));
    }

    /**
     * Saves a new version effective now that changes only what is given: the types named and, if
     * given, the multiplier; everything else is carried over from the version {@code expected} names.
     */
    public PointSettings update(Caller caller, Optional<ExpectedVersion> expected, Map<String, Integer> pointsByType,
                                BigDecimal multiplier) {
        ExpectedVersion from = expected.orElseThrow(PointsProblems::versionRequired);
        Validation validation = new Validation();
        Map<ActivityType, Integer> points = validPoints(pointsByType, validation);
        if ((pointsByType == null || pointsByType.isEmpty()) && multiplier == null) {
            validation.reject("pointsByActivityType", "give at least one activity type, or valueBonusMultiplier");
        }
        BigDecimal bonus = multiplier == null ? null : checkMultiplier(multiplier, validation);
        validation.throwIfInvalid();
        return saveNext(caller, from, current -> {
            Map<ActivityType, Integer> merged = new EnumMap<>(current.pointsByActivityType());
            merged.putAll(points);
            return new PointSettings(current.version() + 1, clock.instant(), merged,
                    bonus == null ? current.valueBonusMultiplier() : bonus);
        });
    }

    private static Map<ActivityType, Integer> validPoints(Map<String, Integer> pointsByType, Validation validation) {
        Map<ActivityType, Integer> points = new EnumMap<>(ActivityType.class);
        if (pointsByType != null) {
            pointsByType.forEach((name, value) -> {
                var type = ActivityType.of(name);
                if (type.isEmpty()) {
                    validation.reject("pointsByActivityType." + name, "is not an activity type; known: "
                            + java.util.Arrays.stream(ActivityType.values()).map(Enum::name).collect(Collectors.joining(", ")));
                } else if (value == null || value < 0 || value > PointLimits.MAX_POINTS_PER_TYPE) {
                    validation.reject("pointsByActivityType." + name, "must be a whole number from 0 to " + PointLimits.MAX_POINTS_PER_TYPE);
                } else {
                    points.put(type.get(), value);
                }
            });
        }
        return points;
    }

    /**
     * The multiplier to store, or null after rejecting it. A zero comes back as plain 0 whatever
     * its scale: {@code 0e-999999999} passes the two-decimals check (stripping a zero's trailing
     * zeros gives scale 0) and written out in plain form would be a billion zeros.
     */
    private static BigDecimal checkMultiplier(BigDecimal multiplier, Validation validation) {
        if (multiplier == null || multiplier.signum() < 0 || multiplier.compareTo(PointLimits.MAX_MULTIPLIER) > 0
                || multiplier.stripTrailingZeros().scale() > 2) {
            validation.reject("valueBonusMultiplier", "must be a number from 0 to 100 with at most two decimals");
            return null;
        }
        return multiplier.signum() == 0 ? BigDecimal.ZERO : multiplier;
    }

    /** Saves the version built from the current one, if {@code expected} still names the current one. */
    private PointSettings saveNext(Caller caller, ExpectedVersion expected,
                                   java.util.function.UnaryOperator<PointSettings> nextOf) {
        PointSettings current = settings.current(caller.workspaceId());
        if (!expected.matches(current.version())) {
            throw PointsProblems.settingsChanged(current);
        }
        PointSettings next = nextOf.apply(current);
        AuditEvent audit = new AuditEvent(caller.workspaceId(), caller.userId(), "point-settings.changed", "point-settings",
                Integer.toString(next.version()), next.effectiveFrom(),
                Map.of("version", current.version(), "pointsByActivityType", current.pointsByActivityType(),
                        "valueBonusMultiplier", current.valueBonusMultiplier()),
                Map.of("version", next.version(), "pointsByActivityType", next.pointsByActivityType(),
                        "valueBonusMultiplier", next.valueBonusMultiplier()));
        // Conditional on the version read above: a change saved meanwhile makes this one stale.
        if (!settings.saveNext(caller.workspaceId(), current.version(), next, audit)) {
            throw PointsProblems.settingsChanged(settings.current(caller.workspaceId()));
        }
        return next;
    }

    /** What the CRM sends: an activity to score. */
    public record ActivityInput(String id, String userId, String type, Instant occurredAt, Long valueAmount,
                                String valueCurrency, String dealId) {
    }

    /** The ledger entry, whether this activity id had been scored before, and the badges (ids) it earned. */
    public record Recorded(Entry entry, boolean replayed, List<String> awardedBadgeIds, long userTotal) {
    }

    /**
     * Scores an activity the CRM posted with the settings in force when it happened and books it in
     * the CRM identity's workspace, once per activity id: sending the same id again answers the
     * first booking.
     */
    public Recorded record(CrmClient crm, ActivityInput input) {
        String workspaceId = crm.workspaceId();
        Validation validation = new Validation();
        if (input.id() == null || input.id().isBlank() || input.id().length() > MAX_ACTIVITY_ID) {
            validation.reject("id", "is required, at most " + MAX_ACTIVITY_ID + " characters");
        }
        var type = input.type() == null ? java.util.Optional.<ActivityType>empty() : ActivityType.of(input.type());
        if (type.isEmpty()) {
            validation.reject("type", "is not an activity type");
        }
        if (input.occurredAt() == null) {
            validation.reject("occurredAt", "is required");
        } else if (input.occurredAt().isAfter(clock.instant().plusSeconds(300))) {
            validation.reject("occurredAt", "is in the future");
        }
        // Either part given means a value: both must be valid (a currency alone would be stored unchecked).
        if ((input.valueAmount() != null || input.valueCurrency() != null) && (input.valueAmount() == null
                || input.valueAmount() < 0 || input.valueAmount() > PointLimits.MAX_VALUE_MINOR_UNITS
                || input.valueCurrency() == null || !input.valueCurrency().matches("[A-Z]{3}"))) {
            validation.reject("value", "needs an amount in minor units from 0 to " + PointLimits.MAX_VALUE_MINOR_UNITS
                    + " and a currency code");
        }
        if (input.userId() == null || users.find(workspaceId, input.userId()).isEmpty()) {
            validation.reject("userId", "is not a user of this workspace");
        }
        validation.throwIfInvalid();

        PointSettings rules = settings.inForceAt(workspaceId, input.occurredAt());
        PointSettings.Score score = rules.score(type.get(), input.valueAmount());
        Entry entry = new Entry(workspaceId, input.id(), input.userId(), type.get(), null, input.occurredAt(),
                input.valueAmount(), input.valueCurrency(), input.dealId(), score.settingsVersion(), score.base(),
                score.bonus(), clock.instant());
        // The booking is conditional on the activity id, so a repeated id answers the first booking,
        // and on the user's total, so no booking carries it past the ceiling.
        PointsLedger.Booking booking = ledger.record(entry);
        if (booking instanceof PointsLedger.Booking.OverCeiling over) {
            throw PointsProblems.totalCeiling(entry.total(), over.total());
        }
        if (booking instanceof PointsLedger.Booking.AlreadyBooked first) {
            // A retry of the same activity books nothing, but finishes what the first try may not
            // have (an award whose signing failed): awards are conditional, so none is made twice.
            return new Recorded(first.entry(), true, rewards.evaluate(workspaceId, input.userId()),
                    ledger.total(workspaceId, input.userId()));
        }
        Entry booked = ((PointsLedger.Booking.Booked) booking).entry();
        return new Recorded(booked, false, rewards.evaluate(workspaceId, input.userId()),
                ledger.total(workspaceId, input.userId()));
    }

    /** A user's total and ledger. */
    public record Points(long total, Page<Entry> entries) {
    }

    public Points points(Caller caller, String userId, PageRequest page) {
        users.find(caller.workspaceId(), userId).orElseThrow(() -> DomainException.notFound("User " + userId));
        return new Points(ledger.total(caller.workspaceId(), userId), ledger.entries(caller.workspaceId(), userId, page));
    }
}
