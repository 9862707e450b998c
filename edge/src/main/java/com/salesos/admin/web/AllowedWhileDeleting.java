package com.salesos.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A workspace write that stays open while the workspace is read-only for its deletion: the
 * Admin's own steps on the deletion request (confirm, cancel). {@link AccessFilter} refuses every
 * other non-GET workspace route with 409 while a deletion is confirmed or running.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedWhileDeleting {
}
