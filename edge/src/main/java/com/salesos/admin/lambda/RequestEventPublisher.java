package com.salesos.admin.lambda;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.context.Qualifier;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import java.util.List;

/**
 * The publisher of one request event type, resolved once and registered as the primary singleton
 * of exactly {@code ApplicationEventPublisher<E>}.
 *
 * <p>Micronaut's servlet handler publishes two events per request through
 * {@code context.publishEvent}, which resolves {@code ApplicationEventPublisher<E>} again each
 * time. The publisher factory is not a singleton bean (it keeps one publisher per event type, but
 * the context runs a bean resolution, a registration and a bean-created event for every lookup):
 * an eighth of a warm request. Registered here, the same publisher (so the same listeners) is found
 * in the context's singleton cache.
 *
 * <p>A definition of its own rather than {@code RuntimeBeanDefinition.builder}: a built definition
 * is a candidate for every supertype of its type argument too, so two of them would make a lookup
 * of {@code ApplicationEventPublisher<Object>} (or a raw one) ambiguous. This one is a candidate
 * for exactly its event type.
 */
final class RequestEventPublisher<E> implements RuntimeBeanDefinition<ApplicationEventPublisher<E>> {

    private final Class<E> event;
    private final ApplicationEventPublisher<E> publisher;

    private RequestEventPublisher(Class<E> event, ApplicationEventPublisher<E> publisher) {
        this.event = event;
        this.publisher = publisher;
    }

    /** Resolves the context's publisher of {@code event} once and registers it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <E> void register(BeanContext context, Class<E> event) {
        ApplicationEventPublisher<E> publisher =
                (ApplicationEventPublisher<E>) context.getBean((Argument) Argument.of(ApplicationEventPublisher.class, event));
        context.registerBeanDefinition(new RequestEventPublisher<>(event, publisher));
    }

    @Override
    public boolean isCandidateBean(Argument<?> requested) {
        Argument<?>[] arguments = requested.getTypeParameters();
        return requested.getType() == ApplicationEventPublisher.class && arguments.length == 1
                && arguments[0].getType() == event;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<ApplicationEventPublisher<E>> getBeanType() {
        return (Class) ApplicationEventPublisher.class;
    }

    @Override
    public List<Argument<?>> getTypeArguments(Class<?> type) {
        return type == ApplicationEventPublisher.class ? getTypeArguments() : List.of();
    }

    @Override
    public List<Argument<?>> getTypeArguments() {
        return List.of(Argument.of(event));
    }

    @Override
    public Class<?>[] getTypeParameters() {
        return new Class<?>[] {event};
    }

    /** The key the context caches the singleton under: with its type argument, as publishEvent asks for it. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Argument<ApplicationEventPublisher<E>> asArgument() {
        return (Argument) Argument.of(ApplicationEventPublisher.class, event);
    }

    @Override
    public String getBeanDefinitionName() {
        return getClass().getName() + "<" + event.getName() + ">";
    }

    /** Not abstract, though its type is an interface: the context leaves abstract candidates out. */
    @Override
    public boolean isAbstract() {
        return false;
    }

    @Override
    public boolean isPrimary() {
        return true;
    }

    // No qualifier: the context caches a singleton under its type and declared qualifier, and
    // publishEvent looks it up with none.
    @Override
    public Qualifier<ApplicationEventPublisher<E>> getDeclaredQualifier() {
        return null;
    }

    @Override
    public Qualifier<ApplicationEventPublisher<E>> resolveDynamicQualifier() {
        return null;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    @Override
    public ApplicationEventPublisher<E> instantiate(BeanResolutionContext resolutionContext, BeanContext context) {
        return publisher;
    }
}
