package com.salesos.admin.common;

import java.util.regex.Pattern;

/**
 * Text a person types for others to read (a name): one line of visible characters. Names end up
 * in emails, CSV exports and the admin UI, so what is stored is already the cleaned form.
 */
public final class DisplayText {

    // Control characters (Cc: \r \n \t, NUL, ...) and line or paragraph separators (Zl, Zp) break
    // the one line into several: each becomes a space.
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
    // Invisible format characters (Cf: bidi overrides that make text read backwards, zero-width
    // spaces, soft hyphens) go entirely. ZWNJ and ZWJ stay: Persian and Indic names and emoji
    // sequences need them.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}&&[^\\u200C\\u200D]]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

    private DisplayText() {
    }

    /** One line: no control, format or line-break characters, single spaces, no space at either end. */
    public static String singleLine(String raw) {
        if (raw == null) {
            return "";
        }
        String text = BREAKS.matcher(raw).replaceAll(" ");
        text = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
