package com.salesos.admin.functions.exports;

import static com.salesos.admin.access.Permission.DATA_EXPORT;

import com.salesos.admin.access.Caller;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.exports.ExportService;
import com.salesos.admin.web.PageView;
import com.salesos.admin.web.RequiresPermission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Export jobs: start one, follow it, download the result. All of it needs {@code data.export}. */
@Controller("/v1/exports")
public class ExportController {

    private final ExportService exports;

    public ExportController(ExportService exports) {
        this.exports = exports;
    }

    /** 202: the job is queued; the worker builds it in the background. */
    @Post
    @RequiresPermission(DATA_EXPORT)
    @ApiResponse(responseCode = "202", description = "Queued; GET /v1/exports/{id} follows it", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "An export of this workspace is already in progress (export-in-progress)")
    @ApiResponse(responseCode = "503", description = "The export queue could not be reached; no job was left behind (queue-unavailable)")
    public HttpResponse<ExportView> request(Caller caller, @Body ExportForm form,
                                            @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        ExportService.Requested requested = exports.request(caller, form.entities(), Optional.ofNullable(idempotencyKey));
        return HttpResponse.<ExportView>status(HttpStatus.ACCEPTED)
                .header("Location", "/v1/exports/" + requested.job().id())
                .header("Idempotent-Replayed", Boolean.toString(requested.replayed()))
                .body(ExportView.of(requested.job()));
    }

    @Get
    @RequiresPermission(DATA_EXPORT)
    public PageView<ExportView> list(Caller caller, @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        return PageView.of(exports.list(caller, PageRequest.of(limit, cursor)), ExportView::of);
    }

    @Get("/{id}")
    @RequiresPermission(DATA_EXPORT)
    public ExportView get(Caller caller, @PathVariable String id) {
        return ExportView.of(exports.get(caller, id));
    }

    /** 302 to a pre-signed S3 URL valid for a few minutes; never cached, so every download checks the caller again. */
    @Get("/{id}/download")
    @RequiresPermission(DATA_EXPORT)
    @ApiResponse(responseCode = "302", description = "Location: a pre-signed S3 URL valid for a few minutes")
    @ApiResponse(responseCode = "409", description = "The export has not succeeded (export-not-ready)")
    @ApiResponse(responseCode = "410", description = "The file expired (export-expired)")
    public HttpResponse<?> download(Caller caller, @PathVariable String id) {
        return HttpResponse.status(HttpStatus.FOUND)
                .header("Location", exports.downloadLink(caller, id).toString())
                .header("Cache-Control", "no-store");
    }
}
