package com.salesos.admin.local.deploy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IAM's matching of Action and Resource elements: {@code *} matches any run of characters and
 * {@code ?} any one; actions compare case-insensitively, resources case-sensitively
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
public final class IamPatterns {

    private IamPatterns() {
    }

    public static boolean actionMatches(String pattern, String action) {
        return matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    public static boolean resourceMatches(String pattern, String resource) {
        return matches(pattern, resource);
    }

    private static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }
}
