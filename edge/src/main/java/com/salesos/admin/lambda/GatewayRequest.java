package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.aws.proxy.ApiGatewayServletRequest;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPResponseServletResponse;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpParameters;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletHttpResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP API (payload 2.0) request, as Micronaut's {@code APIGatewayV2HTTPEventServletRequest} reads
 * it, except that the headers and the query parameters are built once per request. Micronaut's
 * class builds a new case-insensitive header map on every {@code getHeaders()} call, and the
 * router, the body binding, the content negotiation and our filters call it a dozen times per
 * request (18% of the warm time of a request in the README's profile). That class is final, so
 * this is a copy of its four methods with the two maps kept; the upstream fix is to memoize them in
 * that class, as {@code ApiGatewayServletRequest} already does for cookies and attributes. It also
 * makes the request's URI without parsing the path a second time ({@link #uriOf}).
 */
final class GatewayRequest<B> extends ApiGatewayServletRequest<B, APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRequest.class);

    private final APIGatewayV2HTTPResponseServletResponse<Object> response;
    private MutableHttpHeaders headers;
    private MutableHttpParameters parameters;

    GatewayRequest(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponseServletResponse<Object> response,
                   ConversionService conversionService, BodyBuilder bodyBuilder) {
        super(conversionService, event, uriOf(event.getRequestContext().getHttp().getPath(), event.getQueryStringParameters()),
                parseMethod(() -> event.getRequestContext().getHttp().getMethod()), LOG, bodyBuilder);
        this.response = response;
    }

    /**
     * The request's URI, as Micronaut's {@code buildUri} makes it. For a path alone (no query
     * string, which is most requests here) that is {@code new URI(path)}, and this makes it so:
     * {@code buildUri} first parses the path again with {@code UriBuilder.of}'s regular expression,
     * about 6% of a warm {@code GET /v1/me} outside the SDK (docs/benchmarks.md, "Where the rest
     * goes"). Anything else, and a path the JDK refuses, goes through {@code buildUri} itself.
     */
    static URI uriOf(String path, Map<String, String> query) {
        if (path != null && path.startsWith("/") && path.indexOf('?') < 0 && path.indexOf('#') < 0
                && (query == null || query.isEmpty())) {
            try {
                return new URI(path);
            } catch (URISyntaxException e) {
                // buildUri refuses it too, with Micronaut's own exception.
            }
        }
        return buildUri(path, query, Collections.emptyMap());
    }

    @Override
    public byte[] getBodyBytes() throws EmptyBodyException {
        return getBodyBytes(requestEvent::getBody, requestEvent::getIsBase64Encoded);
    }

    @Override
    public MutableHttpHeaders getHeaders() {
        MutableHttpHeaders built = headers;
        if (built == null) {
            built = getHeaders(requestEvent::getHeaders, Collections::emptyMap);
            headers = built;
        }
        return built;
    }

    @Override
    public MutableHttpParameters getParameters() {
        MutableHttpParameters built = parameters;
        if (built == null) {
            built = getParameters(Collections::emptyMap, () -> transformCommaSeparatedValue(requestEvent.getQueryStringParameters()));
            parameters = built;
        }
        return built;
    }

    @Override
    public ServletHttpResponse<APIGatewayV2HTTPResponse, ?> getResponse() {
        return response;
    }
}
