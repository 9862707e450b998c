package com.salesos.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route for SalesOS support only (a token of the {@code support} group); a workspace user's
 * token gets 403 whatever their role, and a support token gets 403 on every other route.
 * {@link AccessFilter} enforces it and hands the controller a
 * {@link com.salesos.admin.access.SupportStaff}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SupportRoute {
}
