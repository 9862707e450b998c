package com.salesos.admin.invites;

import com.salesos.admin.common.DisplayText;
import com.salesos.admin.problems.Validation;

/**
 * The name an invitation carries: one line of visible text (what {@link DisplayText} keeps) of 1 to
 * {@value #MAX_LENGTH} characters. One rule for a single invitation, a bulk file's rows and the
 * first Admin's invitation that support's provisioning makes.
 */
public final class InviteeName {

    public static final int MAX_LENGTH = 200;

    private InviteeName() {
    }

    /** The cleaned name; when it breaks the rule, {@code validation} holds why, under {@code field}. */
    public static String check(String raw, String field, Validation validation) {
        String name = DisplayText.singleLine(raw);
        if (name.isEmpty()) {
            validation.reject(field, "is required");
        } else if (name.length() > MAX_LENGTH) {
            validation.reject(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
