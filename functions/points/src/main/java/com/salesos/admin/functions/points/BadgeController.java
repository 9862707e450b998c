package com.salesos.admin.functions.points;

import static com.salesos.admin.access.Permission.GAMIFICATION_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.badges.BadgeService;
import com.salesos.admin.badges.BadgeService.BadgeDraft;
import com.salesos.admin.common.PageRequest;
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
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.util.Optional;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Badges (default and custom) and awards. */
@Controller("/v1/gamification")
public class BadgeController {

    private final BadgeService badges;
    private final String baseUrl;

    public BadgeController(BadgeService badges, PointsWiring.PublicBaseUrl baseUrl) {
        this.badges = badges;
        this.baseUrl = baseUrl.value();
    }

    @Get("/badges")
    @SignedIn
    public PageView<BadgeViews.BadgeView> list(Caller caller, @Nullable @QueryValue Integer limit,
                                                @Nullable @QueryValue String cursor) {
        return PageView.of(badges.list(caller, PageRequest.of(limit, cursor)), BadgeViews.BadgeView::of);
    }

    @Post("/badges")
    @RequiresPermission(GAMIFICATION_MANAGE)
    @ApiResponse(responseCode = "201", description = "Created (or the first answer replayed for the same Idempotency-Key)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The workspace has its 100 custom badges (badge-limit)")
    public HttpResponse<BadgeViews.BadgeView> create(Caller caller, @Body BadgeViews.BadgeForm form,
                                                     @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        BadgeService.Created created = badges.create(caller, draft(form), Optional.ofNullable(idempotencyKey));
        return HttpResponse.<BadgeViews.BadgeView>status(HttpStatus.CREATED)
                .header("Location", "/v1/gamification/badges/" + created.badge().id())
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(BadgeViews.BadgeView.of(created.badge()));
    }

    @Get("/badges/{id}")
    @SignedIn
    public BadgeViews.BadgeView get(Caller caller, @PathVariable String id) {
        return BadgeViews.BadgeView.of(badges.get(caller, id));
    }

    @Patch("/badges/{id}")
    @RequiresPermission(GAMIFICATION_MANAGE)
    @ApiResponse(responseCode = "409", description = "Default badges cannot be changed (default-badge); the badge changed since it was read (badge-changed)")
    public BadgeViews.BadgeView update(Caller caller, @PathVariable String id, @Body BadgeViews.BadgeForm form) {
        return BadgeViews.BadgeView.of(badges.update(caller, id, draft(form)));
    }

    @Delete("/badges/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(GAMIFICATION_MANAGE)
    @ApiResponse(responseCode = "409", description = "Default badges cannot be deleted (default-badge)")
    public void delete(Caller caller, @PathVariable String id) {
        badges.delete(caller, id);
    }

    /** A pre-signed PUT for the badge's image (PNG or SVG, at most 256 KB). */
    @Post("/badges/{id}/image")
    @RequiresPermission(GAMIFICATION_MANAGE)
    public BadgeViews.ImageUploadView imageUpload(Caller caller, @PathVariable String id,
                                                  @Body BadgeViews.ImageUploadForm form) {
        var grant = badges.grantImageUpload(caller, id, form.contentType(), form.contentLength());
        return new BadgeViews.ImageUploadView(grant.url().toString(), grant.method(), grant.headers(), grant.expiresAt());
    }

    @Get("/awards")
    @SignedIn
    public PageView<BadgeViews.AwardView> awards(Caller caller, @Nullable @QueryValue String userId,
                                                 @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        return PageView.of(badges.awards(caller, Optional.ofNullable(userId), PageRequest.of(limit, cursor)),
                award -> BadgeViews.AwardView.of(award, baseUrl, caller.workspaceId()));
    }

    private static BadgeDraft draft(BadgeViews.BadgeForm form) {
        BadgeViews.CriteriaForm criteria = form.criteria();
        return new BadgeDraft(form.name(), form.description(), criteria == null ? null : criteria.narrative(),
                criteria == null ? null : criteria.kind(), criteria == null ? null : criteria.activityType(),
                criteria == null ? null : criteria.atLeast(), form.pointReward());
    }
}
