package com.salesos.admin.functions.users;

import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.RoleService;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.RequiresPermission;
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

/** Built-in and custom roles. */
@Controller("/v1/roles")
public class RoleController {

    private final RoleService roles;

    public RoleController(RoleService roles) {
        this.roles = roles;
    }

    @Get
    @RequiresPermission(USERS_MANAGE)
    public PageView<Views.RoleDetail> list(Caller caller, @Nullable @QueryValue Integer limit,
                                           @Nullable @QueryValue String cursor) {
        return PageView.of(roles.list(caller, PageRequest.of(limit, cursor)), Views.RoleDetail::of);
    }

    @Post
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "201", description = "Created (or the first answer replayed for the same Idempotency-Key)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another role has this name, or the workspace has its 100 custom roles (role-name-taken, role-limit)")
    public HttpResponse<Views.RoleDetail> create(Caller caller, @Body Forms.RoleForm form,
                                                 @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        RoleService.Created created = roles.create(caller, form.name(), form.permissions(),
                Optional.ofNullable(idempotencyKey));
        return HttpResponse.<Views.RoleDetail>status(HttpStatus.CREATED)
                .header("Location", "/v1/roles/" + created.role().id())
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(Views.RoleDetail.of(created.role()));
    }

    @Patch("/{id}")
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "A built-in role, a name taken, or the role changed meanwhile (built-in-role, role-name-taken, role-changed)")
    public Views.RoleDetail update(Caller caller, @PathVariable String id, @Body Forms.RoleForm form) {
        return Views.RoleDetail.of(roles.update(caller, id, Optional.ofNullable(form.name()),
                Optional.ofNullable(form.permissions())));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(USERS_MANAGE)
    @ApiResponse(responseCode = "409", description = "A built-in role, or users hold it (built-in-role, role-in-use)")
    public void delete(Caller caller, @PathVariable String id) {
        roles.delete(caller, id);
    }
}
