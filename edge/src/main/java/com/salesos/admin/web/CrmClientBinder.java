package com.salesos.admin.web;

import com.salesos.admin.access.CrmClient;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets {@link CrmRoute} controller methods take the authorized {@link CrmClient} as a parameter. */
@Singleton
public final class CrmClientBinder implements TypedRequestArgumentBinder<CrmClient> {

    @Override
    public Argument<CrmClient> argumentType() {
        return Argument.of(CrmClient.class);
    }

    @Override
    public BindingResult<CrmClient> bind(ArgumentConversionContext<CrmClient> context, HttpRequest<?> source) {
        Optional<CrmClient> crm = source.getAttribute(AccessFilter.CRM_ATTRIBUTE, CrmClient.class);
        return () -> crm;
    }
}
