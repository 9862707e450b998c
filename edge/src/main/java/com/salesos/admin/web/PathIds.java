package com.salesos.admin.web;

import java.util.regex.Pattern;

/**
 * The one pattern every id follows, in a path ({@code /v1/users/{id}}) or a body ({@code toUserId},
 * {@code dealIds[3]}). Ids become parts of DynamoDB keys (at most 1,024 bytes), so anything else
 * cannot name a thing we store and is refused before any AWS call.
 */
public final class PathIds {

    public static final String RULE = "must be an id of 1 to 128 letters, digits, '-', '_', '.' or ':'";
    /**
     * Joins the parts of a compound path id: the public Open Badges documents are named
     * {@code <workspace>~<badge>} and {@code <workspace>~<user>~<badge>}.
     */
    public static final String SEPARATOR = "~";
    /** Up to three ids joined by {@link #SEPARATOR}: at most 386 characters, still far below a key's limit. */
    public static final String PATH_RULE = RULE + ", or up to three such ids joined by '" + SEPARATOR + "'";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Pattern PATH_ID = Pattern.compile(ID.pattern() + "(?:" + SEPARATOR + ID.pattern() + "){0,2}");

    private PathIds() {
    }

    public static boolean isValid(String id) {
        return ID.matcher(id).matches();
    }

    /** A path variable: an id, or a compound id of up to three parts. */
    public static boolean isValidInPath(String id) {
        return PATH_ID.matcher(id).matches();
    }
}
