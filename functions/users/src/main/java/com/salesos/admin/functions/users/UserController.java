package com.salesos.admin.functions.users;

import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.User;
import com.salesos.admin.users.UserService;
import com.salesos.admin.users.DealReassignments;
import com.salesos.admin.users.DealReassignments.Reassignment;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.QueryFilters;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.RoleView;
import com.salesos.admin.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The /v1/users routes: read, list, change role or team, deactivate, reactivate, reassign deals. */
@Controller("/v1/users")
public class UserController {

    private final UserService users;
    private final DealReassignments reassignments;

    public UserController(UserService users, DealReassignments reassignments) {
        this.users = users;
        this.reassignments = reassignments;
    }

    @Get
    @RequiresPermission(USERS_MANAGE)
    public PageView<UserView> list(Caller caller, @Nullable @QueryValue String status, @Nullable @QueryValue String role,
                                   @Nullable @QueryValue String teamId, @Nullable @QueryValue Integer limit,
                                   @Nullable @QueryValue String cursor) {
        // Each distinct role of the page is resolved once, not once per row.
        Map<String, Role> roleOfPage = new HashMap<>();
        return PageView.of(users.list(caller,
                QueryFilters.choice("status", status, UserStatus.class, "must be active or deactivated"),
                QueryFilters.text(role),
                QueryFilters.text(teamId), PageRequest.of(limit, cursor)),
                user -> UserView.of(user, RoleView.of(roleOfPage.computeIfAbsent(user.roleId(), id -> users.roleOf(user)))));
    }

    @Get("/{id}")
    @RequiresPermission(USERS_MANAGE)
    public UserView get(Caller caller, @PathVariable String id) {
        return view(users.get(caller, id));
    }

    @Patch("/{id}")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "The last active Admin would lose the role, the user or the role changed meanwhile (last-admin, user-changed, role-gone)")
    public UserView update(Caller caller, @PathVariable String id, @Body Forms.UserChange change) {
        return view(users.update(caller, id, Optional.ofNullable(change.role()), Optional.ofNullable(change.teamId())));
    }

    @Post("/{id}/deactivate")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "The last active Admin cannot be deactivated (last-admin)")
    @ApiResponse(responseCode = "503", description = "Cognito could not be reached; repeat the request to finish (identity-provider-unavailable)")
    public UserView deactivate(Caller caller, @PathVariable String id) {
        return view(users.deactivate(caller, id));
    }

    @Post("/{id}/reactivate")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "No seat is free (seats-exhausted)")
    @ApiResponse(responseCode = "503", description = "Cognito could not be reached; repeat the request to finish (identity-provider-unavailable)")
    public UserView reactivate(Caller caller, @PathVariable String id) {
        return view(users.reactivate(caller, id));
    }

    @Get("/{id}/deals")
    @RequiresPermission(USERS_MANAGE)
    public PageView<Views.DealView> deals(Caller caller, @PathVariable String id, @Nullable @QueryValue Integer limit,
                                          @Nullable @QueryValue String cursor) {
        return PageView.of(users.deals(caller, id, PageRequest.of(limit, cursor)), Views.DealView::of);
    }

    /**
     * 200 with what moved when the move was done within the request (named deals, or all of a few);
     * 202 with the background job and its Location when there were too many (docs/users.md).
     */
    @Post("/{id}/reassign-deals")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "200", description = "Moved within the request: the named deals, or all of the user's deals when there are at most 1,000",
            content = @Content(schema = @Schema(implementation = Views.ReassignmentView.class)))
    @ApiResponse(responseCode = "202", description = "More than 1,000 deals: a background job moves them; Location: /v1/deal-reassignments/{id} follows it",
            content = @Content(schema = @Schema(implementation = Views.DealReassignmentView.class)))
    @ApiResponse(responseCode = "409", description = "A background move of this user's deals is in progress (reassignment-in-progress with activeReassignmentId), or the receiver stopped being active during the move (reassignment-receiver-inactive with moved and movedDealIds)")
    @ApiResponse(responseCode = "503", description = "The reassignment queue could not be reached; nothing moved and no job was left behind (reassignment-queue-unavailable)")
    public HttpResponse<?> reassignDeals(Caller caller, @PathVariable String id, @Body Forms.Reassign form) {
        Reassignment done = reassignments.reassign(caller, id, form.toUserId(), Optional.ofNullable(form.dealIds()));
        if (done instanceof Reassignment.Started started) {
            return HttpResponse.status(HttpStatus.ACCEPTED)
                    .header("Location", DealReassignmentController.PATH + "/" + started.job().id())
                    .body(Views.DealReassignmentView.of(started.job()));
        }
        Reassignment.Done moved = (Reassignment.Done) done;
        return HttpResponse.ok(new Views.ReassignmentView(moved.moved(), moved.movedDealIds(), moved.notMoved()));
    }

    private UserView view(User user) {
        return UserView.of(user, RoleView.of(users.roleOf(user)));
    }
}
