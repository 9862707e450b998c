package com.salesos.admin.functions.invites;

import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationRequest;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.invites.InvitationService.Invited;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.users.User;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.QueryFilters;
import com.salesos.admin.web.PublicRoute;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.RoleNames;
import com.salesos.admin.web.RoleView;
import com.salesos.admin.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The invitation routes of API.md. Thin: bind, call the use case, shape the answer. */
@Controller("/v1/invitations")
public class InvitationController {

    private final InvitationService invitations;
    private final RoleNames roles;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public InvitationController(InvitationService invitations, RoleNames roles, Clock clock, BusinessMetrics metrics) {
        this.invitations = invitations;
        this.roles = roles;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Post
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "201", description = "Invited (or the first answer replayed for the same Idempotency-Key)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The email is already a user's or pending (email-taken), or no seat is free (seats-exhausted)")
    @ApiResponse(responseCode = "429", description = "Too many invitation emails to this address or from this workspace; Retry-After says when (invitation-emails-limited)")
    public HttpResponse<InvitationView> invite(Caller caller, @Body InvitationForm form,
                                               @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Invited invited = invitations.invite(caller,
                new InvitationRequest(form.email(), form.name(), form.role(), form.teamId()),
                Optional.ofNullable(idempotencyKey));
        if (!invited.replayed()) {
            countDelivery(invited.invitation());
        }
        return HttpResponse.<InvitationView>status(HttpStatus.CREATED)
                .header("Location", "/v1/invitations/" + invited.invitation().id())
                .header("Idempotent-Replayed", Boolean.toString(invited.replayed()))
                .body(view(invited.invitation()));
    }

    @Get
    @RequiresPermission(USERS_MANAGE)
    public PageView<InvitationView> list(Caller caller, @Nullable @QueryValue String status,
                                         @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        Function<String, RoleView> roleOfPage = roles.forPage(caller.workspaceId());
        return PageView.of(invitations.list(caller, QueryFilters.choice("status", status, InvitationStatus.class,
                        "must be one of pending, accepted, revoked"), PageRequest.of(limit, cursor)),
                invitation -> InvitationView.of(invitation, roleOfPage.apply(invitation.roleId()), clock.instant()));
    }

    @Post("/{id}/resend")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "The invitation is not pending (invitation-not-pending)")
    @ApiResponse(responseCode = "429", description = "Too many invitation emails to this address; Retry-After says when (invitation-emails-limited)")
    public InvitationView resend(Caller caller, @PathVariable String id) {
        Invitation resent = invitations.resend(caller, id);
        countDelivery(resent);
        return view(resent);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "The invitation is not pending (invitation-not-pending)")
    public void revoke(Caller caller, @PathVariable String id) {
        invitations.revoke(caller, id);
    }

    @Post("/accept")
    @PublicRoute
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "404", description = "No invitation has this token (invitation-token-unknown)")
    @ApiResponse(responseCode = "409", description = "Not pending any more, being accepted right now, or the address already has an account (invitation-not-pending, accept-in-progress, account-exists)")
    @ApiResponse(responseCode = "410", description = "The link expired; an Admin can resend it (invitation-expired)")
    public UserView accept(@Body AcceptForm form) {
        User user = invitations.accept(form.token(), form.password());
        metrics.invitationAccepted(user.workspaceId());
        return UserView.of(user, roles.view(user.workspaceId(), user.roleId()));
    }

    /** Sent or not, as the delivery the use case recorded says; a replay sent nothing. */
    private void countDelivery(Invitation invitation) {
        if (invitation.delivery() == DeliveryStatus.SENT) {
            metrics.invitationSent(invitation.workspaceId());
        } else if (invitation.delivery() == DeliveryStatus.FAILED) {
            metrics.invitationFailed(invitation.workspaceId());
            metrics.emailSendFailed(invitation.workspaceId(), "invitation");
        }
    }

    private InvitationView view(Invitation invitation) {
        return InvitationView.of(invitation, roles.view(invitation.workspaceId(), invitation.roleId()), clock.instant());
    }
}
