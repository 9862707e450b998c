package com.salesos.admin.badges;

import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.plans.PlanStore;

/** Whether a workspace's current plan has a feature (e.g. custom badges on Enterprise). */
public final class PlanFeatures {

    private final PlanCatalog catalog;
    private final PlanStore plans;

    public PlanFeatures(PlanCatalog catalog, PlanStore plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    public boolean has(String workspaceId, String feature) {
        String tier = plans.subscription(workspaceId).tier();
        return catalog.find(tier).map(plan -> plan.has(feature)).orElse(false);
    }
}
