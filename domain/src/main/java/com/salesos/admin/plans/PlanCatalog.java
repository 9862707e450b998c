package com.salesos.admin.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plans on sale, read from configuration (plan-catalog.properties), never from literals in
 * code. Rank follows the order the tiers are listed in.
 */
public final class PlanCatalog {

    private final List<Plan> plans;

    public PlanCatalog(List<Plan> plans) {
        this.plans = plans.stream().sorted(Comparator.comparingInt(Plan::rank)).toList();
    }

    /**
     * Reads {@code plans=starter,team,...}, {@code currency=EUR} and per tier {@code <tier>.name},
     * {@code <tier>.seatLimit}, {@code <tier>.monthlyPrice} (minor units) and {@code <tier>.features}.
     */
    public static PlanCatalog read(InputStream source) {
        Properties properties = new Properties();
        try (InputStreamReader reader = new InputStreamReader(source, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the plan catalogue", e);
        }
        String currency = required(properties, "currency");
        List<Plan> plans = new ArrayList<>();
        String[] tiers = required(properties, "plans").split(",");
        for (int rank = 0; rank < tiers.length; rank++) {
            String tier = tiers[rank].trim();
            Set<String> features = Arrays.stream(properties.getProperty(tier + ".features", "").split(","))
                    .map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
            plans.add(new Plan(tier, required(properties, tier + ".name"), rank,
                    Long.parseLong(required(properties, tier + ".seatLimit")),
                    new Money(Long.parseLong(required(properties, tier + ".monthlyPrice")), currency), features));
        }
        return new PlanCatalog(plans);
    }

    public List<Plan> plans() {
        return plans;
    }

    public Optional<Plan> find(String tier) {
        String wanted = tier == null ? "" : tier.trim().toLowerCase(Locale.ROOT);
        return plans.stream().filter(p -> p.tier().equals(wanted)).findFirst();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("plan catalogue is missing " + key);
        }
        return value.trim();
    }
}
