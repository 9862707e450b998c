package com.salesos.admin.emulator;

import com.salesos.admin.testing.MovableClock;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The set-up every test class against the emulated AWS account shares, in one place. Before the
 * class it resets this JVM's moto server and provisions template.yaml again, so a class never
 * sees another class's data (and moto's tables stay small: moto copies a whole table for every
 * transaction). It then injects, into {@code @BeforeAll}, {@code @Test} and other JUnit methods:
 * <ul>
 *   <li>{@link LocalAws}: the provisioned account (seed it with {@link TestWorkspace});</li>
 *   <li>{@link MovableClock}: the class's one movable clock, starting at the class's start;</li>
 *   <li>{@link SentEmails}: what the emulated SES accepted;</li>
 *   <li>{@link LambdaApi}: the function on the classpath, built as Lambda builds it, on the
 *       system clock, or on the class's movable clock when the parameter is {@link OnMovableClock}.</li>
 * </ul>
 * Each is one per class, and the extension closes what it built once the class is done.
 *
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class InvitationsThroughLambdaTest {
 *     @BeforeAll
 *     static void setUp(LocalAws aws, LambdaApi api) { ... }
 * }
 * }</pre>
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);
    private static final Set<Class<?>> PROVIDED = Set.of(LocalAws.class, MovableClock.class, SentEmails.class, LambdaApi.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class runs inside its outer class's account: resetting here would wipe the outer set-up.
        if (context.getStore(NAMESPACE).get(ClassResources.class) == null) {
            context.getStore(NAMESPACE).put(ClassResources.class, new ClassResources(LocalAws.fresh()));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return PROVIDED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassResources resources = context.getStore(NAMESPACE).get(ClassResources.class, ClassResources.class);
        Parameter wanted = parameter.getParameter();
        Class<?> type = wanted.getType();
        if (type == LocalAws.class) {
            return resources.aws;
        }
        if (type == MovableClock.class) {
            return resources.clock;
        }
        if (type == SentEmails.class) {
            return resources.emails;
        }
        return wanted.isAnnotationPresent(OnMovableClock.class) ? resources.apiOnMovableClock() : resources.api();
    }

    /** What one test class gets; JUnit closes it (it is in the class's store) after the class. */
    private static final class ClassResources implements AutoCloseable {

        final LocalAws aws;
        final MovableClock clock = new MovableClock(Instant.now());
        final SentEmails emails = new SentEmails(MotoServer.shared());
        private LambdaApi api;
        private LambdaApi apiOnMovableClock;

        ClassResources(LocalAws aws) {
            this.aws = aws;
        }

        // Built on first use: a Micronaut context costs time, and end-to-end classes never ask for one.
        synchronized LambdaApi api() {
            if (api == null) {
                api = new LambdaApi();
            }
            return api;
        }

        synchronized LambdaApi apiOnMovableClock() {
            if (apiOnMovableClock == null) {
                apiOnMovableClock = new LambdaApi(clock);
            }
            return apiOnMovableClock;
        }

        @Override
        public synchronized void close() {
            if (api != null) {
                api.close();
            }
            if (apiOnMovableClock != null) {
                apiOnMovableClock.close();
            }
        }
    }
}
