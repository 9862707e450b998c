package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.http.context.event.HttpRequestReceivedEvent;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import io.micronaut.inject.annotation.MutableAnnotationMetadata;
import java.util.Map;
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
        publishOnce(context, HttpRequestReceivedEvent.class);
        publishOnce(context, HttpRequestTerminatedEvent.class);
    }

    /**
     * Micronaut's servlet handler publishes two events per request through
     * {@code context.publishEvent}, which asks the context for a new publisher each time (the
     * publisher factory is not a singleton): a bean resolution, creation and creation event per
     * event, an eighth of a warm request. The publisher it would get is resolved once here and
     * registered as the primary singleton of its type, so the same listeners are told, and the
     * context finds it in its singleton cache.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> void publishOnce(ApplicationContext context, Class<E> event) {
        Argument<ApplicationEventPublisher<E>> type = (Argument) Argument.of(ApplicationEventPublisher.class, event);
        ApplicationEventPublisher<E> publisher = context.getBean(type);
        MutableAnnotationMetadata primary = new MutableAnnotationMetadata();
        primary.addDeclaredAnnotation(Primary.class.getName(), Map.of());
        context.registerBeanDefinition(RuntimeBeanDefinition.builder(type, () -> publisher)
                .singleton(true).annotationMetadata(primary).build());
    }

    @Override
    protected ServletExchange<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createExchange(APIGatewayV2HTTPEvent request,
                                                                                              APIGatewayV2HTTPResponse response) {
        // The response's constructor is protected: an empty subclass is how code outside its package makes one.
        return new GatewayRequest<>(request, new APIGatewayV2HTTPResponseServletResponse<>(conversions, binaryTypes) { },
                conversions, bodyBuilder);
    }
}
