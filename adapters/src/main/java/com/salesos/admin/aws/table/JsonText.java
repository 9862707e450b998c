package com.salesos.admin.aws.table;

/**
 * JSON string literals (RFC 8259) for the two places that write DynamoDB values as JSON text by
 * hand, without a JSON library in the Lambda jars: export rows and the priming's offline answers.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Appends {@code value} as a JSON string: quote, backslash and control characters escaped. */
    public static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
