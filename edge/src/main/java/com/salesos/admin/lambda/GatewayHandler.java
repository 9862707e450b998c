package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.context.event.HttpRequestReceivedEvent;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.BinaryTypeConfiguration;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventHandler;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPResponseServletResponse;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletExchange;

/**
 * Micronaut's payload 2.0 handler with our {@link GatewayRequest} (headers built once per request),
 * and the two beans every exchange needs looked up once instead of on every request.
 */
final class GatewayHandler extends APIGatewayV2HTTPEventHandler {

    private final ConversionService conversions;
    private final BinaryTypeConfiguration binaryTypes;
    private final BodyBuilder bodyBuilder;

    GatewayHandler(ApplicationContext context) {
        super(context);
        this.conversions = context.getConversionService();
        this.binaryTypes = context.getBean(BinaryTypeConfiguration.class);
        this.bodyBuilder = context.getBean(BodyBuilder.class);
        // Resolved once, not on every request (see RequestEventPublisher).
        RequestEventPublisher.register(context, HttpRequestReceivedEvent.class);
        RequestEventPublisher.register(context, HttpRequestTerminatedEvent.class);
    }

    @Override
    protected ServletExchange<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createExchange(APIGatewayV2HTTPEvent request,
                                                                                              APIGatewayV2HTTPResponse response) {
        // The response's constructor is protected: an empty subclass is how code outside its package makes one.
        return new GatewayRequest<>(request, new APIGatewayV2HTTPResponseServletResponse<>(conversions, binaryTypes) { },
                conversions, bodyBuilder);
    }
}
