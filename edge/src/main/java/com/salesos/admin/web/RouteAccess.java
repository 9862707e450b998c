package com.salesos.admin.web;

import com.salesos.admin.access.Permission;
import io.micronaut.core.annotation.AnnotationMetadata;
import java.util.Optional;

/**
 * What one route declares about who may call it, read from its annotations once per route
 * ({@link AccessFilter} keeps one per route): the six annotation lookups on every request were 1.2
 * to 1.5% of a warm {@code GET /v1/me}'s processor time outside the SDK (docs/benchmarks.md).
 *
 * @param open                 {@link PublicRoute}: no identity needed
 * @param permission           {@link RequiresPermission}'s permission, if it names one
 * @param signedIn             {@link SignedIn}: any active user
 * @param crm                  {@link CrmRoute}: the CRM's machine identity only
 * @param support              {@link SupportRoute}: a support token only
 * @param allowedWhileDeleting {@link AllowedWhileDeleting}: a write allowed while the workspace's deletion is pending
 */
record RouteAccess(boolean open, Optional<Permission> permission, boolean signedIn, boolean crm, boolean support,
                   boolean allowedWhileDeleting) {

    static RouteAccess of(AnnotationMetadata route) {
        return new RouteAccess(route.hasAnnotation(PublicRoute.class),
                route.enumValue(RequiresPermission.class, Permission.class),
                route.hasAnnotation(SignedIn.class),
                route.hasAnnotation(CrmRoute.class),
                route.hasAnnotation(SupportRoute.class),
                route.hasAnnotation(AllowedWhileDeleting.class));
    }

    /** Whether the route declares who may call it at all; one that does not is closed. */
    boolean declared() {
        return open || permission.isPresent() || signedIn || crm || support;
    }
}
