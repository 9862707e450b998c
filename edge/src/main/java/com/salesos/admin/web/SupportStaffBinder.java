package com.salesos.admin.web;

import com.salesos.admin.access.SupportStaff;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets support controller methods take the authorized {@link SupportStaff} as a parameter. */
@Singleton
public final class SupportStaffBinder implements TypedRequestArgumentBinder<SupportStaff> {

    @Override
    public Argument<SupportStaff> argumentType() {
        return Argument.of(SupportStaff.class);
    }

    @Override
    public BindingResult<SupportStaff> bind(ArgumentConversionContext<SupportStaff> context, HttpRequest<?> source) {
        Optional<SupportStaff> staff = source.getAttribute(AccessFilter.SUPPORT_ATTRIBUTE, SupportStaff.class);
        return () -> staff;
    }
}
