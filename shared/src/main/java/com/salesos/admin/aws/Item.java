package com.salesos.admin.aws;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds and reads DynamoDB items without repeating AttributeValue plumbing everywhere. */
final class Item {

    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    static Item of(String pk, String sk) {
        Item item = new Item(new HashMap<>());
        return item.with(TableKeys.PK, pk).with(TableKeys.SK, sk);
    }

    static Item from(Map<String, AttributeValue> values) {
        return new Item(values);
    }

    /** A strongly consistent read of one item; empty when there is no such item. */
    static Optional<Item> read(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table,
                               Map<String, AttributeValue> key) {
        Map<String, AttributeValue> values = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key)).item();
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(new Item(values));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    Item with(String name, String value) {
        if (value != null) {
            values.put(name, s(value));
        }
        return this;
    }

    Item with(String name, long value) {
        values.put(name, n(value));
        return this;
    }

    Item with(String name, Instant value) {
        return with(name, value == null ? null : value.toString());
    }

    Item withValue(String name, AttributeValue value) {
        values.put(name, value);
        return this;
    }

    /** A string set; DynamoDB has no empty sets, so an empty collection writes nothing. */
    Item withSet(String name, java.util.Collection<String> members) {
        if (!members.isEmpty()) {
            values.put(name, AttributeValue.fromSs(java.util.List.copyOf(members)));
        }
        return this;
    }

    Item withAll(String prefix, Map<String, String> fields) {
        if (!fields.isEmpty()) {
            Map<String, AttributeValue> map = new HashMap<>();
            fields.forEach((k, v) -> map.put(k, s(v)));
            values.put(prefix, AttributeValue.fromM(map));
        }
        return this;
    }

    String string(String name) {
        AttributeValue value = values.get(name);
        return value == null ? null : value.s();
    }

    Optional<String> optionalString(String name) {
        return Optional.ofNullable(string(name));
    }

    long number(String name) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    Instant instant(String name) {
        String text = string(name);
        return text == null ? null : Instant.parse(text);
    }

    Map<String, AttributeValue> values() {
        return values;
    }
}
