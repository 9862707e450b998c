package com.salesos.admin.plans;

import java.util.Set;

/** A tier of the catalogue. {@code rank} orders tiers: a higher rank is an upgrade. */
public record Plan(String tier, String name, int rank, long seatLimit, Money monthlyPrice, Set<String> features) {

    public static final String CUSTOM_BADGES = "customBadges";

    public Plan {
        features = Set.copyOf(features);
    }

    public boolean has(String feature) {
        return features.contains(feature);
    }
}
