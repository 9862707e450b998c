package com.salesos.admin.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.clients.PrimingHttpClient;
import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.web.DeferredRouteWriters;
import com.salesos.admin.wiring.FirstCalls;
import com.salesos.admin.wiring.OnFirstCall;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautLambdaContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/**
 * The handler of every HTTP function (template.yaml's {@code Handler}): Micronaut's controllers
 * behind API Gateway's payload 2.0, as Micronaut's {@code APIGatewayV2HTTPEventFunction} serves
 * them, with three differences.
 * <ul>
 * <li><b>Lazy beans.</b> Micronaut's Lambda builder initialises every singleton while the handler is
 * constructed; here a bean is built when a request first needs it, and the SDK clients on their
 * first call, so a cold start builds only what its request uses. The functions' settings are still
 * read at construction, so a missing variable fails the start as before.</li>
 * <li><b>SnapStart priming.</b> The handler is a CRaC resource: before the snapshot it builds every
 * bean of ours and every SDK client, and runs its function's {@link HttpPriming} requests through
 * the whole stack with AWS answered offline (see {@link #prime}).</li>
 * <li><b>Less per request.</b> The Lambda context goes to {@link CurrentInvocation} directly
 * (Micronaut's {@code HandlerUtils} looks up two beans per request and fills an MDC nothing here
 * reads), and requests are {@link GatewayRequest}s, which build their header map once.</li>
 * </ul>
 */
public class AdminHttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource,
        AutoCloseable {

    private final ApplicationContext context;
    private final GatewayHandler http;
    private final CurrentInvocation invocation;

    /** What the Lambda runtime calls; registers the priming with the runtime's CRaC context. */
    public AdminHttpFunction() {
        this(contextBuilder());
        Core.getGlobalContext().register(this);
    }

    /** A handler on a context from {@code builder}, made by {@link #contextBuilder()} (tests add their clock). */
    public AdminHttpFunction(ApplicationContextBuilder builder) {
        this(builder.build().start());
    }

    /**
     * The context Micronaut's {@code LambdaApplicationContextBuilder} makes (the function and lambda
     * environments), without its eager initialisation of every singleton, which a builder cannot
     * undo ({@code eagerInitSingletons(false)} adds nothing and removes nothing).
     */
    public static ApplicationContextBuilder contextBuilder() {
        return ApplicationContext.builder().environments(Environment.FUNCTION, MicronautLambdaContext.ENVIRONMENT_LAMBDA)
                // API Gateway dates every response it returns; formatting a Date header of our own
                // was about 5% of a warm refused request, for a header the gateway replaces.
                .properties(java.util.Map.of(DATE_HEADER, false));
    }

    /** Micronaut's switch for the Date header it adds to every response. */
    static final String DATE_HEADER = "micronaut.server.date-header";

    private AdminHttpFunction(ApplicationContext context) {
        this.context = context;
        // Eager on purpose: settings are environment reads, and a function missing a variable must not start.
        context.getBeansOfType(FunctionSettings.class);
        this.invocation = context.getBean(CurrentInvocation.class);
        this.http = new GatewayHandler(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context lambdaContext) {
        invocation.registerSingletons(lambdaContext);
        return http.exchange(event, new APIGatewayV2HTTPResponse()).getResponse().getNativeResponse();
    }

    public ApplicationContext getApplicationContext() {
        return context;
    }

    /**
     * Runs what the first requests after a restore would otherwise do, without side effects:
     * <ol>
     * <li>builds every singleton of ours (controllers, use cases, adapters, filters), as Lambda's
     * eager initialisation did;</li>
     * <li>builds every adapter left for its first call ({@link OnFirstCall}), so every SDK client,
     * and the HTTP client with its TLS context, and every route's response writer
     * ({@link DeferredRouteWriters});</li>
     * <li>runs the function's {@link HttpPriming} requests through this handler (routing, filters,
     * the access filter's store lookups, body binding, the use cases, problem responses, JSON) with
     * every AWS call answered offline by {@link PrimingHttpClient} from the priming's
     * {@link HttpPriming#answers}, so nothing leaves the process, and no metric is emitted
     * ({@link com.salesos.admin.runtime.EmfMetrics});</li>
     * <li>serializes the function's main views.</li>
     * </ol>
     * Returns the statuses of the requests, in order.
     */
    public List<Integer> prime() {
        for (BeanDefinition<?> definition : new ArrayList<>(context.getAllBeanDefinitions())) {
            if (definition.isSingleton() && !definition.isAbstract()
                    && definition.getBeanType().getName().startsWith("com.salesos.admin.")) {
                context.getBean(definition);
            }
        }
        context.getBean(FirstCalls.class).buildAll();
        context.getBean(DeferredRouteWriters.class).makeAll();
        context.findBean(AwsClients.class).ifPresent(AwsClients::buildAll);
        List<HttpPriming> primings = List.copyOf(context.getBeansOfType(HttpPriming.class));
        List<Integer> statuses = new ArrayList<>();
        for (HttpPriming priming : primings) {
            PrimingHttpClient.offline(priming.answers(), () -> {
                for (APIGatewayV2HTTPEvent request : priming.requests()) {
                    statuses.add(handleRequest(request, PrimingContext.INSTANCE).getStatusCode());
                }
            });
        }
        JsonMapper json = context.getBean(JsonMapper.class);
        for (HttpPriming priming : primings) {
            for (Object view : priming.views()) {
                try {
                    json.writeValueAsBytes(view);
                } catch (IOException e) {
                    throw new UncheckedIOException("Priming could not serialize " + view.getClass().getName(), e);
                }
            }
        }
        invocation.registerSingletons(null);
        return statuses;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> checkpoint) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> restore) {
        // Nothing to renew: the SDK clients reconnect on their own and take credentials when they sign.
    }

    @Override
    public void close() {
        http.close();
        context.close();
    }

    /** The Lambda context the priming requests run with. */
    private enum PrimingContext implements Context {
        INSTANCE;

        public String getAwsRequestId() {
            return "priming";
        }

        public String getLogGroupName() {
            return null;
        }

        public String getLogStreamName() {
            return null;
        }

        public String getFunctionName() {
            return null;
        }

        public String getFunctionVersion() {
            return null;
        }

        public String getInvokedFunctionArn() {
            return null;
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        public int getMemoryLimitInMB() {
            return 0;
        }

        public LambdaLogger getLogger() {
            return null;
        }
    }
}
