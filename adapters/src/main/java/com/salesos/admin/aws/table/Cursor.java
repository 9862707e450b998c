package com.salesos.admin.aws.table;

import com.salesos.admin.problems.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors. Only the sort keys travel; the partition comes from the caller's own
 * workspace when decoding, so a cursor can never open another workspace's partition.
 */
public final class Cursor {

    private static final String SEPARATOR = "\n";
    private static final int MAX_LENGTH = 2_800;

    private Cursor() {
    }

    public static Optional<String> encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        String sk = lastKey.get(TableKeys.SK).s();
        AttributeValue gsi = lastKey.get(TableKeys.GSI1_SK);
        String text = gsi == null ? sk : sk + SEPARATOR + gsi.s();
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static Map<String, AttributeValue> decodeTableKey(String cursor, String partition, String sortPrefix) {
        String[] parts = decode(cursor);
        if (parts.length != 1 || !parts[0].startsWith(sortPrefix)) {
            throw invalid();
        }
        return Item.key(partition, parts[0]);
    }

    public static Map<String, AttributeValue> decodeIndexKey(String cursor, String partition, String indexPartition, String sortPrefix) {
        String[] parts = decode(cursor);
        if (parts.length != 2 || !parts[0].startsWith(sortPrefix)) {
            throw invalid();
        }
        return Map.of(TableKeys.PK, Item.s(partition), TableKeys.SK, Item.s(parts[0]),
                TableKeys.GSI1_PK, Item.s(indexPartition), TableKeys.GSI1_SK, Item.s(parts[1]));
    }

    private static String[] decode(String cursor) {
        // Two sort keys of at most 1 KB each, base64: anything longer was not made here.
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return com.salesos.admin.common.PageRequest.invalidCursor();
    }
}
