package com.salesos.admin.functions.support;

import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.support.ProvisionRequest;
import com.salesos.admin.support.WorkspaceProvisioning;
import com.salesos.admin.support.WorkspaceProvisioning.Provisioned;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.SupportRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Support's workspace routes of API.md: provision one, list them. Support identity only. */
@Controller("/v1/support/workspaces")
public class SupportWorkspaceController {

    private final WorkspaceProvisioning provisioning;

    public SupportWorkspaceController(WorkspaceProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Post
    @SupportRoute
    @ApiResponse(responseCode = "201", description = "Provisioned; the Admin is invited by email (or the first answer replayed for the same Idempotency-Key)", useReturnTypeSchema = true)
    public HttpResponse<ProvisionedView> provision(SupportStaff staff, @Body ProvisionForm form,
                                                   @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        ProvisionForm.AdminForm admin = form.admin() == null ? new ProvisionForm.AdminForm(null, null) : form.admin();
        Provisioned provisioned = provisioning.provision(staff,
                new ProvisionRequest(form.name(), form.tier(), form.seatLimit(), admin.email(), admin.name(), form.ticket()),
                Optional.ofNullable(idempotencyKey));
        return HttpResponse.<ProvisionedView>status(HttpStatus.CREATED)
                .header("Location", "/v1/support/workspaces/" + provisioned.workspace().id())
                .header("Idempotent-Replayed", Boolean.toString(provisioned.replayed()))
                .body(ProvisionedView.of(provisioned));
    }

    @Get
    @SupportRoute
    public PageView<WorkspaceView> list(@Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        return PageView.of(provisioning.list(PageRequest.of(limit, cursor)), WorkspaceView::of);
    }
}
