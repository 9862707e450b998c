package com.salesos.admin.functions.users;

import static com.salesos.admin.access.Permission.AUDIT_READ;
import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.audit.AuditTrail;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.seats.SeatAccount;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.RequiresPermission;
import com.salesos.admin.web.RoleView;
import com.salesos.admin.web.SignedIn;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/** Workspace-wide reads: who am I, seats, teams, audit log. */
@Controller("/v1")
public class AccountController {

    private final SeatAccount seats;
    private final WorkspaceDirectory workspaces;
    private final AuditTrail audit;
    private final BusinessMetrics metrics;

    public AccountController(SeatAccount seats, WorkspaceDirectory workspaces, AuditTrail audit, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.seats = seats;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @Get("/me")
    @SignedIn
    public Views.Me me(Caller caller) {
        // The access filter just read the caller from the store; no second read.
        return new Views.Me(caller.userId(), caller.email(), caller.name(), RoleView.of(caller.role()),
                Views.permissionCodes(caller.role()), caller.teamId(), caller.status().name().toLowerCase(java.util.Locale.ROOT),
                new Views.WorkspaceRef(caller.workspaceId(), workspaces.name(caller.workspaceId()).orElse(caller.workspaceId())));
    }

    @Get("/seats")
    @RequiresPermission(USERS_MANAGE)
    public Views.SeatsView seats(Caller caller) {
        com.salesos.admin.seats.Seats read = seats.read(caller.workspaceId());
        metrics.seatsUsed(caller.workspaceId(), read.used(), read.limit());
        return Views.SeatsView.of(read);
    }

    @Get("/teams")
    @RequiresPermission(USERS_MANAGE)
    public PageView<Views.TeamView> teams(Caller caller, @Nullable @QueryValue Integer limit,
                                          @Nullable @QueryValue String cursor) {
        return PageView.of(workspaces.teams(caller.workspaceId(), PageRequest.of(limit, cursor)),
                t -> new Views.TeamView(t.id(), t.name()));
    }

    @Get("/audit-log")
    @RequiresPermission(AUDIT_READ)
    public PageView<Views.AuditEntryView> auditLog(Caller caller, @Nullable @QueryValue Integer limit,
                                                   @Nullable @QueryValue String cursor) {
        return PageView.of(audit.newestFirst(caller.workspaceId(), PageRequest.of(limit, cursor)), Views.AuditEntryView::of);
    }
}
