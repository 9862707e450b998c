package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.salesos.admin.aws.clients.PrimingAnswers;
import java.util.List;

/**
 * What one HTTP function runs before its SnapStart snapshot ({@link AdminHttpFunction#prime}):
 * representative requests for its routes, and the views it answers with. Each function module
 * declares one bean of this type. The requests run through the whole handler with every AWS call
 * answered offline, so they cannot change anything; build them with {@link PrimingRequests}.
 */
public interface HttpPriming {

    /** Requests through the real handler: refused ones, invalid ones, reads, successes on {@link #answers}. */
    List<APIGatewayV2HTTPEvent> requests();

    /**
     * What the offline AWS calls of {@link #requests} are answered: {@code {}} to every call unless
     * a function gives the made-up items and responses its success paths read (e.g. the signed-in
     * caller of {@link PrimingRequests#signedInAdmin}).
     */
    default PrimingAnswers answers() {
        return PrimingAnswers.none();
    }

    /** The function's main response bodies, serialized once so that their serializers exist before the snapshot. */
    default List<Object> views() {
        return List.of();
    }
}
