package com.salesos.admin.emulator.calls;

import com.salesos.admin.emulator.SamTemplate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which function API Gateway hands a request to, by the template's HttpApi routes: a test's
 * request through LambdaApi runs that function, even when the test's classpath holds several.
 */
public final class RouteOwners {

    private record Owner(String method, Pattern path, String function) {
    }

    private static volatile RouteOwners ofRepository;

    private final List<Owner> owners;

    public RouteOwners(SamTemplate template) {
        this.owners = template.routes().stream().map(route -> new Owner(route.method(),
                Pattern.compile(route.path().replaceAll("\\{[^}]+}", "[^/]+")), route.function())).toList();
    }

    public static RouteOwners ofRepository() {
        if (ofRepository == null) {
            ofRepository = new RouteOwners(SamTemplate.ofRepository());
        }
        return ofRepository;
    }

    /** The function of the route matching this request; empty when API Gateway would route it nowhere. */
    public Optional<String> functionFor(String method, String path) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return owners.stream().filter(o -> o.method().equalsIgnoreCase(method) && o.path().matcher(rawPath).matches())
                .map(Owner::function).findFirst();
    }
}
