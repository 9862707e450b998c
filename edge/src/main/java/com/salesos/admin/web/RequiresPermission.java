package com.salesos.admin.web;

import com.salesos.admin.access.Permission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a route needs, declared on the controller method. {@link AccessFilter} enforces
 * it for every request; a route with neither this nor {@link PublicRoute} is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {
    Permission value();
}
