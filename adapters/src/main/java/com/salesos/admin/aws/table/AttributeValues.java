package com.salesos.admin.aws.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain values (text, numbers, booleans, lists, maps; times as ISO-8601 text; enums by their
 * lower-case name) to DynamoDB attribute values and back, keeping their types, so a value written
 * as a number reads back as a number.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    public static AttributeValue of(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof String text) {
            return AttributeValue.fromS(text);
        }
        if (value instanceof BigDecimal decimal) {
            return AttributeValue.fromN(decimal.toPlainString());
        }
        if (value instanceof Number number) {
            return AttributeValue.fromN(number.toString());
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Instant instant) {
            return AttributeValue.fromS(instant.toString());
        }
        if (value instanceof Enum<?> constant) {
            return AttributeValue.fromS(constant.name().toLowerCase(Locale.ROOT));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            map.forEach((k, v) -> members.put(k instanceof Enum<?> e ? e.name() : String.valueOf(k), of(v)));
            return AttributeValue.fromM(members);
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(AttributeValues::of).toList());
        }
        throw new IllegalArgumentException("Not a plain value: " + value.getClass().getName());
    }

    public static Object value(AttributeValue attribute) {
        if (attribute.s() != null) {
            return attribute.s();
        }
        if (attribute.n() != null) {
            BigDecimal number = new BigDecimal(attribute.n());
            return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Object) number.longValueExact() : number;
        }
        if (attribute.bool() != null) {
            return attribute.bool();
        }
        if (attribute.hasM()) {
            Map<String, Object> members = new LinkedHashMap<>();
            attribute.m().forEach((k, v) -> members.put(k, value(v)));
            return members;
        }
        if (attribute.hasL()) {
            return attribute.l().stream().map(AttributeValues::value).toList();
        }
        return null;
    }
}
