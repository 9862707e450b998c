package com.salesos.admin.functions.invites;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.aws.clients.PrimingAnswers;
import com.salesos.admin.lambda.HttpPriming;
import com.salesos.admin.lambda.PrimingRequests;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The invites function's SnapStart priming (AdminHttpFunction#prime): its main routes, refused,
 * invalid, read, and an invitation that succeeds (caller lookup, the use case, its transaction, the
 * email through SES, the delivery update, the 201 view), all with AWS answered offline from
 * {@link #answers}, so that nothing is written, sent or read for real.
 */
@Singleton
public class InvitesPriming implements HttpPriming {

    /** SES v2's answer to SendEmail, as it answers: the message id. */
    static final String SENT_EMAIL = "{\"MessageId\":\"010001900000priming-0000-0000-0000-000000000000-000000\"}";

    @Override
    public PrimingAnswers answers() {
        return PrimingRequests.signedInAdmin().answer("POST /v2/email/outbound-emails", SENT_EMAIL);
    }

    @Override
    public List<APIGatewayV2HTTPEvent> requests() {
        return List.of(
                PrimingRequests.anonymous("POST", "/v1/invitations/accept", "{}"),
                PrimingRequests.anonymous("POST", "/v1/invitations/accept",
                        "{\"token\":\"priming-token\",\"password\":\"Priming-Passw0rd!\"}"),
                PrimingRequests.anonymous("GET", "/v1/invitations", null),
                PrimingRequests.signedIn("GET", "/v1/invitations?status=pending", null),
                PrimingRequests.signedIn("POST", "/v1/invitations",
                        "{\"email\":\"priming@example.com\",\"name\":\"Priming\",\"role\":\"sales-rep\"}"),
                PrimingRequests.signedIn("POST", "/v1/invitations/inv_priming/resend", null));
    }
}
