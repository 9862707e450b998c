package com.salesos.admin.functions.points;

import static com.salesos.admin.access.Permission.GAMIFICATION_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CrmClient;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.points.PointSettings;
import com.salesos.admin.points.PointsService;
import com.salesos.admin.web.CrmRoute;
import com.salesos.admin.web.EntityTags;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Point settings (versioned, If-Match), activity scoring, and a user's points. */
@Controller("/v1")
public class PointsController {

    private final PointsService points;

    private final com.salesos.admin.metrics.BusinessMetrics metrics;

    public PointsController(PointsService points, com.salesos.admin.metrics.BusinessMetrics metrics) {
        this.points = points;
        this.metrics = metrics;
    }

    @Get("/gamification/point-settings")
    @SignedIn
    public HttpResponse<PointsViews.SettingsView> settings(Caller caller) {
        return withETag(HttpResponse.ok(), points.current(caller));
    }

    @Put("/gamification/point-settings")
    @RequiresPermission(GAMIFICATION_MANAGE)
    @ApiResponse(responseCode = "200", description = "The new version; ETag: its version", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "412", description = "If-Match names an older version (settings-changed)")
    @ApiResponse(responseCode = "428", description = "If-Match is missing (if-match-required)")
    public HttpResponse<PointsViews.SettingsView> replace(Caller caller, @Nullable @Header("If-Match") String ifMatch,
                                                          @Body PointsViews.SettingsForm form) {
        return withETag(HttpResponse.ok(),
                points.replace(caller, EntityTags.ifMatch(ifMatch), form.pointsByActivityType(), form.valueBonusMultiplier()));
    }

    /** Changes only the types (and multiplier) given; the rest carries over. Same If-Match rules as PUT. */
    @Patch("/gamification/point-settings")
    @RequiresPermission(GAMIFICATION_MANAGE)
    @ApiResponse(responseCode = "200", description = "The new version; ETag: its version", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "412", description = "If-Match names an older version (settings-changed)")
    @ApiResponse(responseCode = "428", description = "If-Match is missing (if-match-required)")
    public HttpResponse<PointsViews.SettingsView> update(Caller caller, @Nullable @Header("If-Match") String ifMatch,
                                                         @Body PointsViews.SettingsForm form) {
        return withETag(HttpResponse.ok(),
                points.update(caller, EntityTags.ifMatch(ifMatch), form.pointsByActivityType(), form.valueBonusMultiplier()));
    }

    @Get("/gamification/point-settings/history")
    @SignedIn
    public PointsViews.History history(Caller caller) {
        return new PointsViews.History(points.history(caller).stream().map(PointsViews.SettingsView::of).toList());
    }

    /** Only the CRM's machine identity books activities; a person's token gets 403 (see CrmAccess). */
    @Post("/gamification/activities")
    @CrmRoute
    @ApiResponse(responseCode = "201", description = "Scored (or, for an id seen before, the first answer: Idempotent-Replayed: true)", useReturnTypeSchema = true)
    public HttpResponse<PointsViews.Scored> record(CrmClient crm, @Body PointsViews.ActivityForm form) {
        PointsService.Recorded recorded = points.record(crm, new PointsService.ActivityInput(form.id(), form.userId(),
                form.type(), form.occurredAt(), form.value() == null ? null : form.value().amount(),
                form.value() == null ? null : form.value().currency(), form.dealId()));
        if (!recorded.replayed()) {
            metrics.pointsBooked(crm.workspaceId(), recorded.entry().total());
            metrics.badgesAwarded(crm.workspaceId(), recorded.awardedBadgeIds().size());
        }
        return HttpResponse.<PointsViews.Scored>status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(recorded.replayed()))
                .body(new PointsViews.Scored(PointsViews.EntryView.of(recorded.entry()), recorded.userTotal(),
                        recorded.awardedBadgeIds()));
    }

    @Get("/users/{id}/points")
    @RequiresPermission(GAMIFICATION_MANAGE)
    public PointsViews.UserPoints userPoints(Caller caller, @PathVariable String id, @Nullable @QueryValue Integer limit,
                                             @Nullable @QueryValue String cursor) {
        PointsService.Points result = points.points(caller, id, PageRequest.of(limit, cursor));
        return new PointsViews.UserPoints(result.total(),
                result.entries().items().stream().map(PointsViews.EntryView::of).toList(),
                result.entries().nextCursor().orElse(null));
    }

    private static HttpResponse<PointsViews.SettingsView> withETag(
            io.micronaut.http.MutableHttpResponse<PointsViews.SettingsView> response, PointSettings settings) {
        return response.header("ETag", EntityTags.of(settings.version())).body(PointsViews.SettingsView.of(settings));
    }
}
