package com.salesos.admin.web;

import java.util.regex.Pattern;

/**
 * The one pattern every id follows, in a path ({@code /v1/users/{id}}) or a body ({@code toUserId},
 * {@code dealIds[3]}). Ids become parts of DynamoDB keys (at most 1,024 bytes), so anything else
 * cannot name a thing we store and is refused before any AWS call.
 */
public final class PathIds {

    public static final String RULE = "must be an id of 1 to 128 letters, digits, '-', '_', '.' or ':'";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private PathIds() {
    }

    public static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }
}
