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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

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
    @ApiResponse(responseCode = "409", description = "The workspace is on this tier already (plan-unchanged)")
    public PlanViews.PreviewView preview(Caller caller, @Nullable @QueryValue String tier) {
        return PlanViews.PreviewView.of(plans.preview(caller, tier));
    }

    /** 200 with the charge for an upgrade (applied now); 202 with the date for a downgrade. */
    @Post("/billing/plan-changes")
    @RequiresPermission(BILLING_MANAGE)
    @ApiResponse(responseCode = "200", description = "Upgraded now, with its prorated charge", content = @Content(schema = @Schema(implementation = PlanViews.UpgradeView.class)))
    @ApiResponse(responseCode = "202", description = "Downgrade scheduled for the end of the period", content = @Content(schema = @Schema(implementation = PlanViews.DowngradeView.class)))
    @ApiResponse(responseCode = "409", description = "Already on this tier, the plan changed meanwhile, or more seats are in use than the tier allows (plan-unchanged, plan-changed, seats-over-new-limit with seatsToFree)")
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
    @ApiResponse(responseCode = "404", description = "No downgrade is pending")
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
