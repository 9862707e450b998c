package com.salesos.admin.functions.invites;

import static com.salesos.admin.access.Permission.USERS_MANAGE;

import com.salesos.admin.access.Caller;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.invites.BulkReport;
import com.salesos.admin.web.ProblemResponses;
import com.salesos.admin.web.RequiresPermission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
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
    public HttpResponse<?> invite(Caller caller, HttpRequest<?> request,
                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !"text".equals(type.getType()) || !"csv".equals(type.getSubtype())) {
            return ProblemResponses.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                    "The body must be a CSV file sent as Content-Type: text/csv (UTF-8)");
        }
        byte[] body;
        try {
            body = request.getBody(byte[].class).orElse(new byte[0]);
        } catch (RuntimeException noBody) {
            // Lambda's API Gateway proxy throws for a request without body instead of giving zero bytes.
            body = new byte[0];
        }
        BulkReport report = bulk.invite(caller, BulkCsvReader.read(body), Optional.ofNullable(idempotencyKey));
        return HttpResponse.ok(BulkReportView.of(report))
                .header("Idempotent-Replayed", Boolean.toString(report.replayed()));
    }
}
