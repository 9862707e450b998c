package com.salesos.admin.functions.plans;

import static com.salesos.admin.access.Permission.BILLING_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.PlanService;
import com.salesos.admin.plans.PlanService.Change;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.time.Clock;

/** The plan catalogue, the subscription, plan changes and charges. */
@Controller("/v1")
public class PlanController {

    private final PlanService plans;
    private final Clock clock;

    private final com.salesos.admin.metrics.BusinessMetrics metrics;

    public PlanController(PlanService plans, Clock clock, com.salesos.admin.metrics.BusinessMetrics metrics) {
        this.plans = plans;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Get("/plans")
    @SignedIn
    public PlanViews.Catalogue catalogue() {
        return new PlanViews.Catalogue(plans.catalogue().stream().map(PlanViews.PlanView::of).toList());
    }

    @Get("/billing/subscription")
    @RequiresPermission(BILLING_MANAGE)
    public PlanViews.SubscriptionView subscription(Caller caller) {
        return PlanViews.SubscriptionView.of(plans.subscription(caller), clock.instant());
    }

    /** What a change to {@code tier} would do (the same computation as the change itself); commits nothing. */
    @Get("/billing/plan-changes/preview")
    @RequiresPermission(BILLING_MANAGE)
    public PlanViews.PreviewView preview(Caller caller, @Nullable @QueryValue String tier) {
        return PlanViews.PreviewView.of(plans.preview(caller, tier));
    }

    /** 200 with the charge for an upgrade (applied now); 202 with the date for a downgrade. */
    @Post("/billing/plan-changes")
    @RequiresPermission(BILLING_MANAGE)
    public HttpResponse<?> change(Caller caller, @Body PlanViews.PlanChangeForm form) {
        Change change = plans.change(caller, form.tier());
        if (change instanceof Change.Upgraded upgraded) {
            metrics.planChanged(caller.workspaceId(), upgraded.subscription().tier(), "upgrade");
            return HttpResponse.ok(new PlanViews.UpgradeView(
                    PlanViews.SubscriptionView.of(upgraded.subscription(), clock.instant()),
                    PlanViews.ChargeView.of(upgraded.charge())));
        }
        Change.DowngradeScheduled downgrade = (Change.DowngradeScheduled) change;
        metrics.planChanged(caller.workspaceId(), form.tier(), "downgrade");
        return HttpResponse.accepted().body(new PlanViews.DowngradeView(
                PlanViews.SubscriptionView.of(downgrade.subscription(), clock.instant()), downgrade.effectiveAt()));
    }

    @Delete("/billing/plan-changes/pending")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(BILLING_MANAGE)
    public void cancelPending(Caller caller) {
        plans.cancelPending(caller);
    }

    @Get("/billing/charges")
    @RequiresPermission(BILLING_MANAGE)
    public PageView<PlanViews.ChargeView> charges(Caller caller, @Nullable @QueryValue Integer limit,
                                                  @Nullable @QueryValue String cursor) {
        return PageView.of(plans.charges(caller, PageRequest.of(limit, cursor)), PlanViews.ChargeView::of);
    }
}
