package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;

/**
 * What one HTTP function runs before its SnapStart snapshot ({@link AdminHttpFunction#prime}):
 * representative requests for its routes, and the views it answers with. Each function module
 * declares one bean of this type. The requests run through the whole handler with every AWS call
 * answered offline, so they cannot change anything; build them with {@link PrimingRequests}.
 */
public interface HttpPriming {

    /** Requests through the real handler: refused ones, invalid ones, reads. */
    List<APIGatewayV2HTTPEvent> requests();

    /** The function's main response bodies, serialized once so that their serializers exist before the snapshot. */
    default List<Object> views() {
        return List.of();
    }
}
