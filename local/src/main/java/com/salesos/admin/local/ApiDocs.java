package com.salesos.admin.local;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.web.ProblemResponses;
import com.salesos.admin.web.PublicRoute;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Local only: the API's OpenAPI document at {@value #DOCUMENT} and Swagger UI at {@value #VIEWER}
 * (from the {@code org.webjars:swagger-ui} jar, a dependency of this module alone, so no Lambda
 * jar carries it). Public like the health route: the gateway emulation lets exactly these paths
 * through besides the template's routes.
 */
@Controller
@Requires(beans = GatewayEmulation.LocalGatewayConfig.class) // only in the local server's context
final class ApiDocs {

    static final String DOCUMENT = "/openapi.yml";
    static final String VIEWER = "/docs";

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The viewer's files we serve, by extension; nothing else of the jar is reachable. */
    private static final Map<String, String> TYPES = Map.of(".js", "text/javascript", ".css", "text/css",
            ".png", "image/png");

    private final String document;
    private final String webjar;

    ApiDocs() {
        // Merged at start, so a document two functions contradict stops bin/local at once.
        this.document = ApiDocument.yaml();
        this.webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    /** True for the paths this serves, which the template does not declare. */
    static boolean serves(String path) {
        return path.equals(DOCUMENT) || path.equals(VIEWER) || path.startsWith(VIEWER + "/");
    }

    @Get(DOCUMENT)
    @PublicRoute
    HttpResponse<String> document() {
        return HttpResponse.ok(document).contentType("application/yaml");
    }

    @Get(VIEWER)
    @PublicRoute
    HttpResponse<byte[]> viewer() {
        return HttpResponse.ok(resource("api-docs/index.html").orElseThrow()).contentType("text/html; charset=utf-8");
    }

    @Get(VIEWER + "/{file}")
    @PublicRoute
    HttpResponse<?> viewerFile(@PathVariable String file) {
        String type = TYPES.entrySet().stream().filter(e -> file.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        Optional<byte[]> bytes = type != null && FILE.matcher(file).matches() ? resource(webjar + file) : Optional.empty();
        if (bytes.isEmpty()) {
            return ProblemResponses.of(DomainException.notFoundBecause("The viewer has no file " + file));
        }
        return HttpResponse.ok(bytes.get()).contentType(type);
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the webjar's own Maven metadata, so that the pom names the version once. */
    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
