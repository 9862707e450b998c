package com.salesos.admin.local;

import com.salesos.admin.emulator.ProvisionedStack;
import com.salesos.admin.emulator.SamTemplate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file {@code sam local invoke --env-vars} reads (samconfig.toml names it): for each function,
 * the values of the variables the template declares for it, resolved against the resources
 * bin/local created. SAM passes a function only variables the template declares, so the emulator
 * stage declares AWS_ENDPOINT_URL, and here it points at bin/local's moto as a container sees the
 * host ({@value #CONTAINER_HOST}).
 */
final class SamLocalEnvironment {

    static final String CONTAINER_HOST = "host.docker.internal";

    private SamLocalEnvironment() {
    }

    static Map<String, Map<String, String>> of(ProvisionedStack stack) {
        Map<String, Map<String, String>> byFunction = new LinkedHashMap<>();
        for (SamTemplate.Function function : stack.template().functions()) {
            Map<String, String> resolved = stack.environmentOf(function.logicalId());
            Map<String, String> variables = new LinkedHashMap<>();
            function.environment().keySet().forEach(name -> variables.put(name, resolved.get(name)));
            variables.computeIfPresent("AWS_ENDPOINT_URL", (name, url) -> asSeenFromContainer(URI.create(url)));
            byFunction.put(function.logicalId(), variables);
        }
        return byFunction;
    }

    private static String asSeenFromContainer(URI endpoint) {
        return endpoint.getScheme() + "://" + CONTAINER_HOST + ":" + endpoint.getPort();
    }
}
