package com.salesos.admin.runtime;

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
 * Lambda), every string escaped by Jackson's generator so a quote, backslash, line break or control
 * character in a value can neither break the line nor forge a field.
 *
 * <p>Every line starts with {@code level} and {@code message} (what Lambda's JSON log format filters
 * and shows), then the invocation's {@link Correlation} (function, Lambda and API Gateway request
 * ids, trace id, workspace and caller, each when known), then the fields given, in their order.
 * Callers choose what goes in: ids, routes, counts and outcomes, never tokens, passwords,
 * invitation links or email bodies. SLF4J output from libraries comes here too ({@link JsonLoggerFactory}).
 */
public final class LogLine {

    /** Severity, as Lambda's ApplicationLogLevel names it. */
    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

    private static final JsonFactory JSON = new JsonFactory();

    private final Level level;
    private String message;
    private Correlation correlation;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(Level level, String message) {
        this.level = level;
        this.message = message;
    }

    /** An INFO line of this type ({@code request}, {@code message}, {@code schedule}); the type is its message until one is set. */
    public static LogLine of(String type) {
        return new LogLine(Level.INFO, type).with("type", type);
    }

    /** A line at {@code level} saying {@code message}. */
    public static LogLine at(Level level, String message) {
        return new LogLine(level, message);
    }

    /** Replaces the human-readable message. */
    public LogLine message(String text) {
        this.message = text;
        return this;
    }

    /** Uses these ids instead of the thread's current ones (e.g. read from the request itself). */
    public LogLine correlatedBy(Correlation ids) {
        this.correlation = ids;
        return this;
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

    /** A number with its decimals as given (a metric value). */
    public LogLine with(String name, BigDecimal value) {
        fields.put(name, value);
        return this;
    }

    /**
     * A nested object of strings, numbers, lists and maps: the {@code _aws} block of an Embedded
     * Metric Format line ({@link EmfMetrics}). Not for request data.
     */
    public LogLine with(String name, Map<String, ?> object) {
        fields.put(name, object);
        return this;
    }

    /** A duration in milliseconds, with two decimals. */
    public LogLine withMillis(String name, double millis) {
        fields.put(name, BigDecimal.valueOf(millis).setScale(2, RoundingMode.HALF_UP));
        return this;
    }

    /** The line as JSON, without the line break. */
    public String toJson() {
        Correlation ids = correlation != null ? correlation : LogContext.current();
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("level", level.name());
            json.writeStringField("message", message);
            writeKnown(json, "function", ids.function());
            writeKnown(json, "requestId", ids.requestId());
            writeKnown(json, "apiRequestId", ids.apiRequestId());
            writeKnown(json, "traceId", ids.traceId());
            writeKnown(json, "workspaceId", ids.workspaceId());
            writeKnown(json, "callerId", ids.callerId());
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

    /** Writes the line to stdout, which Lambda sends to the function's log group. */
    public void write() {
        writeTo(System.out);
    }

    private static void writeKnown(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
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
        } else if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                json.writeFieldName((String) field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeStartArray();
            for (Object item : (Collection<?>) value) {
                write(json, item);
            }
            json.writeEndArray();
        }
    }
}
