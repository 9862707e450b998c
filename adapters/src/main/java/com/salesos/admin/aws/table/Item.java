package com.salesos.admin.aws.table;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds and reads DynamoDB items without repeating AttributeValue plumbing everywhere. */
public final class Item {

    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    public static Item of(String pk, String sk) {
        Item item = new Item(new HashMap<>());
        return item.with(TableKeys.PK, pk).with(TableKeys.SK, sk);
    }

    public static Item from(Map<String, AttributeValue> values) {
        return new Item(values);
    }

    /** A strongly consistent read of one item; empty when there is no such item. */
    public static Optional<Item> read(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table,
                               Map<String, AttributeValue> key) {
        Map<String, AttributeValue> values = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key)).item();
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(new Item(values));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk));
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public Item with(String name, String value) {
        if (value != null) {
            values.put(name, s(value));
        }
        return this;
    }

    public Item with(String name, long value) {
        values.put(name, n(value));
        return this;
    }

    public Item with(String name, Instant value) {
        return with(name, value == null ? null : value.toString());
    }

    public Item withValue(String name, AttributeValue value) {
        values.put(name, value);
        return this;
    }

    /** A string set; DynamoDB has no empty sets, so an empty collection writes nothing. */
    public Item withSet(String name, java.util.Collection<String> members) {
        if (!members.isEmpty()) {
            values.put(name, AttributeValue.fromSs(java.util.List.copyOf(members)));
        }
        return this;
    }

    public Item withAll(String prefix, Map<String, String> fields) {
        if (!fields.isEmpty()) {
            Map<String, AttributeValue> map = new HashMap<>();
            fields.forEach((k, v) -> map.put(k, s(v)));
            values.put(prefix, AttributeValue.fromM(map));
        }
        return this;
    }

    public String string(String name) {
        AttributeValue value = values.get(name);
        return value == null ? null : value.s();
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(string(name));
    }

    public long number(String name) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    public Instant instant(String name) {
        String text = string(name);
        return text == null ? null : StoredInstants.parse(text);
    }

    public Map<String, AttributeValue> values() {
        return values;
    }
}
