package com.salesos.admin.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON request body strictly against the form type a route binds it to, before any
 * binding happens: Jackson (like most JSON binders) turns {@code ["admin"]} into a string,
 * {@code 1.5} into 1 and {@code 12345} into 1970, ignores unknown fields and stops at the end of
 * the first value. Here every field must have exactly its declared JSON type, lists hold no null,
 * unknown fields and trailing data are refused, and every string is bounded. All faults are
 * collected, each named by its JSON path ({@code value.amount}, {@code dealIds[2]}), and refused as
 * one 422 problem; a body that passes binds without any coercion left to happen.
 */
public final class StrictJson {

    /** The largest JSON body any route accepts; Lambda itself stops at 6 MB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** No stored text needs more; each use case applies its own tighter limit on top. */
    public static final int MAX_STRING_LENGTH = 2_000;
    public static final int MAX_LIST_SIZE = 1_000;
    public static final int MAX_MAP_SIZE = 100;
    /**
     * The most digits a number may be written with (Jackson counts its integer, fraction and exponent
     * digits together), and the most its plain form may have before or after the point. Jackson
     * bounds how a number is written, not its exponent: {@code 0e-999999999} is twelve characters,
     * and code that writes it out in plain form (as the store does) builds a billion zeros.
     */
    public static final int MAX_NUMBER_DIGITS = 40;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                    .maxStringLength(MAX_BODY_BYTES).maxNumberLength(MAX_NUMBER_DIGITS).build())
            .build();

    /** A parsed JSON value that remembers its exact kind. */
    private sealed interface Value {
    }

    private record Text(String value) implements Value {
    }

    private record Whole(BigInteger value) implements Value {
    }

    private record Fraction(BigDecimal value) implements Value {
    }

    private record Flag(boolean value) implements Value {
    }

    private record Null() implements Value {
    }

    private record Array(List<Value> items) implements Value {
    }

    private record JsonObject(Map<String, Value> members) implements Value {
    }

    private StrictJson() {
    }

    /** Checks {@code body} against {@code type}; throws a 413 or 422 {@link DomainException} if it does not fit. */
    public static void check(byte[] body, Argument<?> type) {
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(MAX_BODY_BYTES);
        }
        Value root = parse(body);
        List<FieldError> errors = new ArrayList<>();
        if (!(root instanceof JsonObject)) {
            errors.add(new FieldError("body", "must be a JSON object"));
        } else {
            checkValue(root, type, "", errors);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalidInput(errors);
        }
    }

    public static DomainException tooLarge(int limitBytes) {
        return new DomainException(ProblemKind.TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than this route accepts (" + limitBytes + " bytes)",
                List.of(), Map.of("limitBytes", limitBytes));
    }

    private static Value parse(byte[] body) {
        if (body.length == 0) {
            throw unreadable("a JSON object is required");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw unreadable("a JSON object is required");
            }
            Value value = read(parser, first);
            if (parser.nextToken() != null) {
                throw unreadable("unexpected data after the JSON value at line " + parser.currentLocation().getLineNr()
                        + ", column " + parser.currentLocation().getColumnNr());
            }
            return value;
        } catch (JsonParseException e) {
            throw unreadable("not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw unreadable("the JSON is nested or sized beyond what any route accepts");
        } catch (IOException e) {
            throw unreadable("the body could not be read");
        }
    }

    private static Value read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Value> members = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken()));
                }
                yield new JsonObject(members);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                yield new Array(items);
            }
            case VALUE_STRING -> new Text(parser.getText());
            case VALUE_NUMBER_INT -> new Whole(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new Fraction(parser.getDecimalValue());
            case VALUE_TRUE -> new Flag(true);
            case VALUE_FALSE -> new Flag(false);
            case VALUE_NULL -> new Null();
            default -> throw unreadable("unexpected " + token);
        };
    }

    private static void checkValue(Value value, Argument<?> type, String path, List<FieldError> errors) {
        Class<?> t = type.getType();
        if (value instanceof Null) {
            if (t.isPrimitive()) {
                errors.add(new FieldError(path, "must not be null"));
            }
            return;
        }
        if (t == String.class) {
            if (!(value instanceof Text text)) {
                errors.add(new FieldError(path, "must be a string"));
            } else if (text.value().length() > MAX_STRING_LENGTH) {
                errors.add(new FieldError(path, "must be at most " + MAX_STRING_LENGTH + " characters"));
            } else if (isIdField(path) && !text.value().isEmpty() && !PathIds.isValid(text.value())) {
                errors.add(new FieldError(path, PathIds.RULE));
            }
        } else if (t == Integer.class || t == int.class) {
            checkWhole(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
        } else if (t == Long.class || t == long.class) {
            checkWhole(value, path, Long.MIN_VALUE, Long.MAX_VALUE, errors);
        } else if (t == BigDecimal.class || t == Double.class || t == double.class) {
            if (!(value instanceof Whole) && !(value instanceof Fraction)) {
                errors.add(new FieldError(path, "must be a number"));
            } else if (value instanceof Fraction fraction && !withinDigits(fraction.value())) {
                errors.add(new FieldError(path, "must be a number of at most " + MAX_NUMBER_DIGITS
                        + " digits before and after the decimal point once its exponent is applied"));
            }
        } else if (t == Boolean.class || t == boolean.class) {
            if (!(value instanceof Flag)) {
                errors.add(new FieldError(path, "must be true or false"));
            }
        } else if (t == Instant.class) {
            checkInstant(value, path, errors);
        } else if (t.isEnum()) {
            if (!(value instanceof Text)) {
                errors.add(new FieldError(path, "must be a string"));
            }
        } else if (Collection.class.isAssignableFrom(t)) {
            checkList(value, type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), path, errors);
        } else if (Map.class.isAssignableFrom(t)) {
            checkMap(value, type.getTypeParameters().length == 2 ? type.getTypeParameters()[1] : Argument.OBJECT_ARGUMENT,
                    path, errors);
        } else if (t == Object.class) {
            return;
        } else {
            checkObject(value, t, path, errors);
        }
    }

    private static boolean withinDigits(BigDecimal number) {
        return number.scale() <= MAX_NUMBER_DIGITS && number.precision() - number.scale() <= MAX_NUMBER_DIGITS;
    }

    private static void checkWhole(Value value, String path, long min, long max, List<FieldError> errors) {
        if (value instanceof Whole whole) {
            if (whole.value().compareTo(BigInteger.valueOf(min)) < 0 || whole.value().compareTo(BigInteger.valueOf(max)) > 0) {
                errors.add(new FieldError(path, "must be between " + min + " and " + max));
            }
        } else {
            errors.add(new FieldError(path, "must be a whole number"));
        }
    }

    private static void checkInstant(Value value, String path, List<FieldError> errors) {
        String message = "must be an ISO-8601 UTC time such as 2026-01-31T09:30:00Z";
        if (!(value instanceof Text text)) {
            errors.add(new FieldError(path, message));
            return;
        }
        try {
            Instant.parse(text.value());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, message));
        }
    }

    private static void checkList(Value value, Argument<?> element, String path, List<FieldError> errors) {
        if (!(value instanceof Array array)) {
            errors.add(new FieldError(path, "must be a list"));
            return;
        }
        if (array.items().size() > MAX_LIST_SIZE) {
            errors.add(new FieldError(path, "must have at most " + MAX_LIST_SIZE + " entries"));
            return;
        }
        for (int i = 0; i < array.items().size(); i++) {
            Value item = array.items().get(i);
            String at = path + "[" + i + "]";
            if (item instanceof Null) {
                errors.add(new FieldError(at, "must not be null"));
            } else {
                checkValue(item, element, at, errors);
            }
        }
    }

    private static void checkMap(Value value, Argument<?> valueType, String path, List<FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(path, "must be an object"));
            return;
        }
        if (object.members().size() > MAX_MAP_SIZE) {
            errors.add(new FieldError(path, "must have at most " + MAX_MAP_SIZE + " entries"));
            return;
        }
        object.members().forEach((key, member) -> {
            String at = path + "." + key;
            if (key.length() > 100) {
                errors.add(new FieldError(path, "has a key longer than 100 characters"));
            } else if (member instanceof Null) {
                errors.add(new FieldError(at, "must not be null"));
            } else {
                checkValue(member, valueType, at, errors);
            }
        });
    }

    private static void checkObject(Value value, Class<?> type, String path, List<FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be an object"));
            return;
        }
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type);
        if (introspection.isEmpty()) {
            throw new IllegalStateException("No introspection for body type " + type.getName() + "; annotate it @Serdeable");
        }
        Map<String, Argument<?>> properties = new LinkedHashMap<>();
        for (BeanProperty<?, ?> property : introspection.get().getBeanProperties()) {
            properties.put(property.getName(), property.asArgument());
        }
        object.members().forEach((name, member) -> {
            String at = path.isEmpty() ? name : path + "." + name;
            Argument<?> propertyType = properties.get(name);
            if (propertyType == null) {
                errors.add(new FieldError(at, "is not a known field; known: " + String.join(", ", properties.keySet())));
            } else {
                checkValue(member, propertyType, at, errors);
            }
        });
    }

    /** {@code id}, {@code userId}, {@code dealIds[3]}: values that end up in keys, so they follow the id pattern. */
    private static boolean isIdField(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        String name = bracket < 0 ? last : last.substring(0, bracket);
        return name.equals("id") || name.endsWith("Id") || name.endsWith("Ids");
    }

    private static DomainException unreadable(String why) {
        return DomainException.invalidField("body", why);
    }
}
