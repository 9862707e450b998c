package com.salesos.admin.functions.support;

import com.salesos.admin.access.Caller;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.support.WorkspaceDeletion;
import com.salesos.admin.web.AllowedWhileDeleting;
import com.salesos.admin.web.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The workspace Admin's side of its deletion: follow the request, confirm by typing the
 * workspace's name, or cancel. Any signed-in user reaches the use case, which lets only an Admin of
 * the request's workspace see or act (others: 403; another workspace's request: 404). All stay
 * open while the workspace is read-only.
 */
@Controller("/v1/workspace/deletion-requests")
public class WorkspaceDeletionController {

    private final WorkspaceDeletion deletion;

    public WorkspaceDeletionController(WorkspaceDeletion deletion) {
        this.deletion = deletion;
    }

    @Get("/{id}")
    @SignedIn
    public DeletionRequestView get(Caller caller, @PathVariable String id) {
        DeletionRequest request = deletion.get(caller, id);
        return DeletionRequestView.of(request, deletion.progress(request));
    }

    @Post("/{id}/confirm")
    @SignedIn
    @AllowedWhileDeleting
    @ApiResponse(responseCode = "409", description = "Not the caller's to confirm in this state, or the name does not match (deletion-step-not-allowed)")
    public DeletionRequestView confirm(Caller caller, @PathVariable String id, @Body DeletionForms.Confirm form) {
        return DeletionRequestView.of(deletion.confirm(caller, id, form.workspaceName()));
    }

    @Delete("/{id}")
    @SignedIn
    @AllowedWhileDeleting
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "Executed already: it can no longer be cancelled (deletion-step-not-allowed)")
    public HttpResponse<Void> cancel(Caller caller, @PathVariable String id) {
        deletion.cancelByAdmin(caller, id);
        return HttpResponse.noContent();
    }
}
