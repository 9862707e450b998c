package com.salesos.admin.functions.support;

import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.WorkspaceDeletion;
import com.salesos.admin.web.SupportRoute;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;

/** Support's steps of a workspace deletion (API.md): open, execute, follow, cancel. Support identity only. */
@Controller("/v1/support")
public class SupportDeletionController {

    private final WorkspaceDeletion deletion;

    public SupportDeletionController(WorkspaceDeletion deletion) {
        this.deletion = deletion;
    }

    @Post("/workspaces/{id}/deletion-requests")
    @SupportRoute
    @ApiResponse(responseCode = "201", description = "Opened; an Admin of the workspace confirms it next (or the first answer replayed for the same Idempotency-Key)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A deletion of this workspace is already requested (deletion-already-requested)")
    public HttpResponse<DeletionRequestView> open(SupportStaff staff, @PathVariable String id, @Body DeletionForms.Open form,
                                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        WorkspaceDeletion.Opened opened = deletion.open(staff, id, form.ticket(), form.reason(),
                Optional.ofNullable(idempotencyKey));
        return HttpResponse.<DeletionRequestView>status(HttpStatus.CREATED)
                .header("Location", "/v1/support/deletion-requests/" + opened.request().id())
                .header("Idempotent-Replayed", Boolean.toString(opened.replayed()))
                .body(DeletionRequestView.of(opened.request()));
    }

    /** 202: the deletion runs in the background; GET follows it. */
    @Post("/deletion-requests/{id}/execute")
    @SupportRoute
    @ApiResponse(responseCode = "202", description = "The deletion runs in the background; GET follows it", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Not confirmed, still in its waiting period, or changed meanwhile (deletion-step-not-allowed, deletion-waiting-period, deletion-request-changed)")
    public HttpResponse<DeletionRequestView> execute(SupportStaff staff, @PathVariable String id,
                                                     @Body DeletionForms.Execute form) {
        return HttpResponse.<DeletionRequestView>status(HttpStatus.ACCEPTED)
                .body(DeletionRequestView.of(deletion.execute(staff, id, form.workspaceId())));
    }

    @Get("/deletion-requests/{id}")
    @SupportRoute
    public DeletionRequestView get(SupportStaff staff, @PathVariable String id) {
        DeletionRequest request = deletion.get(staff, id);
        return DeletionRequestView.of(request, deletion.progress(request));
    }

    @Delete("/deletion-requests/{id}")
    @SupportRoute
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "Executed already: it can no longer be cancelled (deletion-step-not-allowed)")
    public HttpResponse<Void> cancel(SupportStaff staff, @PathVariable String id) {
        deletion.cancelBySupport(staff, id);
        return HttpResponse.noContent();
    }
}
