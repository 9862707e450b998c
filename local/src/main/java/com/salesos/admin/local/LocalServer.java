package com.salesos.admin.local;

import com.salesos.admin.emulator.ProvisionedStack;
import com.salesos.admin.emulator.SamTemplate;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Micronaut Netty server hosting the controllers of every function module, behind the
 * gateway emulation, configured from a provisioned stack exactly as Lambda would be.
 */
public final class LocalServer implements AutoCloseable {

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private LocalServer(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.server = server;
    }

    public static LocalServer start(ProvisionedStack stack, int port) {
        stack.applyAsSystemProperties();
        ApplicationContext context = ApplicationContext.builder()
                .environments("local")
                .properties(Map.of("micronaut.server.port", port, "micronaut.server.host", "127.0.0.1"))
                .singletons(gatewayConfig(stack))
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        return new LocalServer(context, server);
    }

    /** The JWT authorizer of the template's HTTP API, resolved against the emulator. */
    @SuppressWarnings("unchecked")
    static GatewayEmulation.LocalGatewayConfig gatewayConfig(ProvisionedStack stack) {
        SamTemplate template = stack.template();
        Map<String, Object> api = (Map<String, Object>) template.resourcesOfType("AWS::Serverless::HttpApi")
                .values().iterator().next();
        Map<String, Object> auth = (Map<String, Object>) api.get("Auth");
        Map<String, Object> authorizers = (Map<String, Object>) auth.get("Authorizers");
        Map<String, Object> authorizer = (Map<String, Object>) authorizers.get(String.valueOf(auth.get("DefaultAuthorizer")));
        Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
        String issuer = template.resolve(jwt.get("issuer"), stack.physicalIds());
        Set<String> audience = Set.copyOf(((List<Object>) jwt.get("audience")).stream()
                .map(a -> template.resolve(a, stack.physicalIds())).toList());
        // Cognito serves its keys under the issuer; the emulator serves them under the same path.
        URI jwks = stack.endpoint().resolve(URI.create(issuer).getPath() + "/.well-known/jwks.json");
        return new GatewayEmulation.LocalGatewayConfig(template.routes(), new AccessTokenVerifier(jwks, issuer, audience));
    }

    public URI url() {
        return server.getURI();
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        server.stop();
        context.close();
    }
}
