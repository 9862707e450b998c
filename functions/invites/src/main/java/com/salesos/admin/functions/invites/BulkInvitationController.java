package com.salesos.admin.functions.invites;

import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.invites.BulkReport;
import com.salesos.admin.web.ProblemResponses;
import com.salesos.admin.web.RequiresPermission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;

/**
 * POST /v1/invitations/bulk: a CSV file in, the per-row report out (200), within the request (see
 * docs/invitations.md for why no job is needed). Every media type reaches this method, so the
 * permission check runs first and a wrong type gets a problem document, not the router's bare 415.
 */
@Controller("/v1/invitations")
public class BulkInvitationController {

    private final BulkInvitationService bulk;

    public BulkInvitationController(BulkInvitationService bulk) {
        this.bulk = bulk;
    }

    @Post("/bulk")
    @Consumes(MediaType.ALL)
    @RequiresPermission(USERS_MANAGE)
    @RequestBody(description = "The CSV file: header email,name,role[,team] in any order, UTF-8 with or without BOM",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The per-row report; every valid row invited, its email queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkReportView.class)))
    @ApiResponse(responseCode = "409", description = "The valid rows need more seats than are free, nothing invited (seats-exhausted, with the missing count), or a file with the same Idempotency-Key is still being processed (bulk-invitation-in-progress)")
    @ApiResponse(responseCode = "413", description = "Over 2 MB or 5,000 rows; the limit is in the detail")
    @ApiResponse(responseCode = "415", description = "The body is not sent as text/csv (unsupported-media-type)")
    @ApiResponse(responseCode = "422", description = "Not a CSV file we can read: empty, unclosed quote, wrong or extra columns, not UTF-8, binary (invalid-csv)")
    public HttpResponse<?> invite(Caller caller, HttpRequest<?> request,
                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !"text".equals(type.getType()) || !"csv".equals(type.getSubtype())) {
            return ProblemResponses.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                    "The body must be a CSV file sent as Content-Type: text/csv (UTF-8)");
        }
        BulkReport report = bulk.invite(caller, BulkCsvReader.read(rawBody(request)), Optional.ofNullable(idempotencyKey));
        return HttpResponse.ok(BulkReportView.of(report))
                .header("Idempotent-Replayed", Boolean.toString(report.replayed()));
    }

    /**
     * The body's bytes as they arrived. The Lambda proxy gives them as the request body (and throws
     * for a request without one, instead of giving zero bytes); Netty (the local server) has read
     * nothing into the request body, since no route argument asked for it, so there they come from
     * the server request's byte body, complete by now (the local gateway emulation waits for the
     * whole body, as API Gateway does). No body at all is an empty file.
     */
    private static byte[] rawBody(HttpRequest<?> request) {
        try {
            Optional<byte[]> bound = request.getBody(byte[].class);
            if (bound.isPresent()) {
                return bound.get();
            }
        } catch (RuntimeException noBody) {
            return new byte[0];
        }
        if (request instanceof ServerHttpRequest<?> server) {
            try (CloseableAvailableByteBody body = server.byteBody().buffer().join()) {
                return body.toByteArray();
            }
        }
        return new byte[0];
    }
}
