package com.salesos.admin.problems;

/** One input field at fault and why. */
public record FieldError(String field, String message) {
}
