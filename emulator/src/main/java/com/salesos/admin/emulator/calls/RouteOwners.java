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

    private record Owner(Pattern path, SamTemplate.Route route) {
    }

    private static volatile RouteOwners ofRepository;

    private final List<Owner> owners;

    public RouteOwners(SamTemplate template) {
        this.owners = template.routes().stream().map(route -> new Owner(
                Pattern.compile(route.path().replaceAll("\\{[^}]+}", "[^/]+")), route)).toList();
    }

    public static RouteOwners ofRepository() {
        if (ofRepository == null) {
            ofRepository = new RouteOwners(SamTemplate.ofRepository());
        }
        return ofRepository;
    }

    /** The function of the route matching this request; empty when API Gateway would route it nowhere. */
    public Optional<String> functionFor(String method, String path) {
        return routeFor(method, path).map(SamTemplate.Route::function);
    }

    /** The template's route matching this request (its path as declared, with {params}). */
    public Optional<SamTemplate.Route> routeFor(String method, String path) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return owners.stream().filter(o -> o.route().method().equalsIgnoreCase(method) && o.path().matcher(rawPath).matches())
                .map(Owner::route).findFirst();
    }
}
