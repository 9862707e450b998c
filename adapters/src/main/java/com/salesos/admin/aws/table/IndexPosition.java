package com.salesos.admin.aws.table;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a walk over an index that spans workspaces (due plan changes, unrecorded charges) stopped:
 * the whole last evaluated key, table and index attributes. Unlike {@link Cursor} it never leaves
 * the process (a scheduled run pages with it), so it may carry another workspace's partition.
 */
public final class IndexPosition {

    private static final String FIELD = "\n";
    private static final String VALUE = "=";

    private IndexPosition() {
    }

    public static Optional<String> encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        lastKey.forEach((name, value) -> text.append(name).append(VALUE).append(value.s()).append(FIELD));
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static Map<String, AttributeValue> decode(String position) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String field : new String(Base64.getUrlDecoder().decode(position), StandardCharsets.UTF_8).split(FIELD)) {
            int at = field.indexOf(VALUE);
            key.put(field.substring(0, at), Item.s(field.substring(at + 1)));
        }
        return key;
    }
}
