package com.salesos.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route for the CRM's machine identity only (a token of the {@code crm} group registered for a
 * workspace); a person's token gets 403 whatever their role. {@link AccessFilter} enforces it and
 * hands the controller a {@link com.salesos.admin.access.CrmClient}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CrmRoute {
}
