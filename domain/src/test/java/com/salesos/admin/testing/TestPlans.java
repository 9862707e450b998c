package com.salesos.admin.testing;

import com.salesos.admin.plans.Money;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.PlanCatalog;
import java.util.List;
import java.util.Set;

/** A small catalogue of the tests' own, so that a price change in the shipped configuration breaks no rule test. */
public final class TestPlans {

    public static final Plan STARTER = new Plan("starter", "Starter", 0, 3, new Money(1000, "EUR"), Set.of());
    public static final Plan TEAM = new Plan("team", "Team", 1, 5, new Money(3000, "EUR"), Set.of());
    public static final Plan ENTERPRISE = new Plan("enterprise", "Enterprise", 2, 10, new Money(9000, "EUR"),
            Set.of(Plan.CUSTOM_BADGES));
    public static final PlanCatalog CATALOG = new PlanCatalog(List.of(STARTER, TEAM, ENTERPRISE));

    private TestPlans() {
    }
}
