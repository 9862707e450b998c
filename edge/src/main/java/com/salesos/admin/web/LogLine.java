package com.salesos.admin.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one writer of our structured logs: one JSON object per line on stdout (CloudWatch Logs in
 * Lambda), fields in the order given, every string escaped by Jackson's generator so a quote,
 * backslash, line break or control character in a value can neither break the line nor forge a
 * field. Callers choose what goes in: ids, routes, counts and outcomes, never tokens, passwords,
 * invitation links or email bodies.
 */
public final class LogLine {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(String type) {
        fields.put("type", type);
    }

    /** A line of this type ({@code request}, {@code message}, {@code schedule}). */
    public static LogLine of(String type) {
        return new LogLine(type);
    }

    /** Adds a field; {@code null} is written as JSON null. */
    public LogLine with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public LogLine with(String name, long value) {
        fields.put(name, value);
        return this;
    }

    /** A list of strings, e.g. the workspaces a run could not finish. */
    public LogLine with(String name, Collection<String> values) {
        fields.put(name, java.util.List.copyOf(values));
        return this;
    }

    /** A duration in milliseconds, with two decimals. */
    public LogLine withMillis(String name, double millis) {
        fields.put(name, BigDecimal.valueOf(millis).setScale(2, RoundingMode.HALF_UP));
        return this;
    }

    /** The line as JSON, without the line break. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                json.writeFieldName(field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Writes the line, whole, to {@code out}. */
    public void writeTo(PrintStream out) {
        out.println(toJson());
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else {
            json.writeStartArray();
            for (Object item : (Collection<?>) value) {
                json.writeString((String) item);
            }
            json.writeEndArray();
        }
    }
}
