package com.salesos.admin.web;

import com.salesos.admin.access.AccessPolicy;
import com.salesos.admin.access.AccessProblems;
import com.salesos.admin.access.Caller;
import com.salesos.admin.access.CrmAccess;
import com.salesos.admin.access.SupportAccess;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.support.ReadOnlyWhileDeleting;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import com.salesos.admin.runtime.LogContext;

/**
 * Authorizes every routed request before its controller runs: public routes pass; other routes
 * need a verified subject (401 otherwise) whose current role in the store grants the route's
 * {@link RequiresPermission} (403 otherwise); {@link SignedIn} routes need only an active user;
 * {@link CrmRoute} routes need the CRM's machine identity, which no other route accepts;
 * {@link SupportRoute} routes need a support token, which no other route accepts either. The
 * resolved {@link Caller} (or {@link com.salesos.admin.access.CrmClient}, or
 * {@link com.salesos.admin.access.SupportStaff}) is handed to the controller through
 * {@link CallerBinder} ({@link CrmClientBinder}, {@link SupportStaffBinder}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class AccessFilter implements Ordered {

    static final String CALLER_ATTRIBUTE = "salesos.caller";
    static final String CRM_ATTRIBUTE = "salesos.crm";
    static final String SUPPORT_ATTRIBUTE = "salesos.support";

    private final GatewayClaims claims;
    // Looked up on first use: these read the table, so building them builds the DynamoDB client. A
    // request on a public route (the invitation accept, Open Badges) needs none of them, and its cold
    // start should not build a client it never calls. Then kept: they are singletons, and a
    // BeanProvider asks the context again on every get().
    private final Supplier<AccessPolicy> policy;
    private final Supplier<CrmAccess> crm;
    private final SupportAccess support;
    private final Supplier<ReadOnlyWhileDeleting> deletions;
    // Each route's declaration, read on its first request. Keyed by the route itself, which the
    // router keeps for the context's life (RouteInfo keeps identity equality).
    private final Map<RouteInfo<?>, RouteAccess> routes = new ConcurrentHashMap<>();

    public AccessFilter(GatewayClaims claims, BeanProvider<AccessPolicy> policy, BeanProvider<CrmAccess> crm,
                        SupportAccess support, BeanProvider<ReadOnlyWhileDeleting> deletions) {
        this.claims = claims;
        this.policy = SupplierUtil.memoized(policy::get);
        this.crm = SupplierUtil.memoized(crm::get);
        this.support = support;
        this.deletions = SupplierUtil.memoized(deletions::get);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null; // unknown routes fall through to the router's 404/405
        }
        RouteInfo<?> info = route.get().getRouteInfo();
        RouteAccess access = routes.get(info);
        if (access == null) {
            access = RouteAccess.of(route.get().getAnnotationMetadata());
            routes.put(info, access);
        }
        if (access.open()) {
            return null;
        }
        if (!access.declared()) {
            return ProblemResponses.of(HttpStatus.FORBIDDEN, "route-not-declared", "Forbidden",
                    "This route declares no permission and is closed");
        }
        Optional<String> subject = claims.subject(request);
        if (subject.isEmpty()) {
            return ProblemResponses.of(AccessProblems.signInRequired());
        }
        try {
            boolean writes = !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                    && !access.allowedWhileDeleting();
            if (access.crm()) {
                var client = crm.get().authorize(subject.get(), claims.groups(request));
                if (writes) {
                    deletions.get().requireWritable(client.workspaceId());
                }
                request.setAttribute(CRM_ATTRIBUTE, client);
                LogContext.identify(client.workspaceId(), client.subject());
                return null;
            }
            if (access.support()) {
                request.setAttribute(SUPPORT_ATTRIBUTE, support.authorize(subject.get(), claims.groups(request)));
                return null;
            }
            crm.get().refuseOnPersonRoute(claims.groups(request));
            // Before the store is asked: a support token is refused here even if its subject also
            // belonged to a workspace user.
            support.refuseOnWorkspaceRoute(claims.groups(request));
            Caller caller = access.permission().isPresent()
                    ? policy.get().authorize(subject.get(), access.permission().get())
                    : policy.get().authenticate(subject.get());
            // Read-only while its deletion is confirmed or running: refused here before any side effect;
            // the store refuses the write itself too (WorkspaceGate), whatever raced this read.
            if (writes) {
                deletions.get().requireWritable(caller.workspaceId());
            }
            request.setAttribute(CALLER_ATTRIBUTE, caller);
            LogContext.identify(caller.workspaceId(), caller.userId());
            return null;
        } catch (DomainException refused) {
            return ProblemResponses.of(refused);
        }
    }

    @Override
    public int getOrder() {
        // After any gateway emulation (which runs at HIGHEST_PRECEDENCE), before everything else.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
