package com.salesos.admin.aws.clients;

import com.salesos.admin.aws.table.JsonText;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link PrimingHttpClient} answers while the SnapStart priming runs offline: realistic
 * responses for the calls a function's success path makes, so that the priming runs that path
 * (and the SDK unmarshals real-looking answers) without anything leaving the process.
 * <ul>
 * <li>a DynamoDB {@code GetItem} whose key is one of the {@link #item items} gets that item;</li>
 * <li>a call named in {@link #answer} (a JSON protocol's {@code X-Amz-Target}, or a REST-JSON
 * service's method and path, e.g. {@code "POST /v2/email/outbound-emails"}) gets that body;</li>
 * <li>every other call gets {@code {}}: no item, no page, a write that took effect.</li>
 * </ul>
 * The items are made up (a workspace, user and subject that do not exist): nothing is read.
 */
public final class PrimingAnswers {

    private static final String EMPTY = "{}";

    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private final Map<String, String> answers = new LinkedHashMap<>();

    private PrimingAnswers() {
    }

    /** Answers {@code {}} to every call. */
    public static PrimingAnswers none() {
        return new PrimingAnswers();
    }

    /** A {@code GetItem} of this item's key ({@code pk}, {@code sk}) answers the item. */
    public PrimingAnswers item(Map<String, AttributeValue> item) {
        if (!item.containsKey("pk") || !item.containsKey("sk")) {
            throw new IllegalArgumentException("A priming item needs its pk and sk");
        }
        items.add(Map.copyOf(item));
        return this;
    }

    /** Calls named {@code call} (an {@code X-Amz-Target}, or {@code "METHOD /path"}) answer {@code json}. */
    public PrimingAnswers answer(String call, String json) {
        answers.put(call, json);
        return this;
    }

    /** The body answered to {@code request}, whose body is {@code body}. */
    String answer(SdkHttpRequest request, String body) {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse(null);
        if (target != null && target.endsWith(".GetItem")) {
            for (Map<String, AttributeValue> item : items) {
                if (body.contains(keyJson("pk", item.get("pk"))) && body.contains(keyJson("sk", item.get("sk")))) {
                    return "{\"Item\":" + json(item) + "}";
                }
            }
            return EMPTY;
        }
        String named = answers.get(target != null ? target : request.method().name() + " " + request.encodedPath());
        return named != null ? named : EMPTY;
    }

    private static String keyJson(String name, AttributeValue value) {
        StringBuilder out = new StringBuilder();
        JsonText.quote(out, name);
        out.append(':');
        attribute(out, value);
        return out.toString();
    }

    /** An item in DynamoDB's JSON wire format. */
    static String json(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder();
        map(out, item);
        return out.toString();
    }

    private static void map(StringBuilder out, Map<String, AttributeValue> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonText.quote(out, entry.getKey());
            out.append(':');
            attribute(out, entry.getValue());
        }
        out.append('}');
    }

    private static void attribute(StringBuilder out, AttributeValue value) {
        out.append('{');
        switch (value.type()) {
            case S -> JsonText.quote(field(out, "S"), value.s());
            case N -> JsonText.quote(field(out, "N"), value.n());
            case B -> bytes(field(out, "B"), value.b());
            case BOOL -> field(out, "BOOL").append(value.bool());
            case NUL -> field(out, "NULL").append(true);
            case SS -> strings(field(out, "SS"), value.ss());
            case NS -> strings(field(out, "NS"), value.ns());
            case BS -> {
                field(out, "BS").append('[');
                for (int i = 0; i < value.bs().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    bytes(out, value.bs().get(i));
                }
                out.append(']');
            }
            case L -> {
                field(out, "L").append('[');
                for (int i = 0; i < value.l().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    attribute(out, value.l().get(i));
                }
                out.append(']');
            }
            case M -> map(field(out, "M"), value.m());
            default -> throw new IllegalArgumentException("No wire form for " + value.type());
        }
        out.append('}');
    }

    private static StringBuilder field(StringBuilder out, String type) {
        return out.append('"').append(type).append("\":");
    }

    private static void strings(StringBuilder out, Collection<String> values) {
        out.append('[');
        boolean first = true;
        for (String value : values) {
            out.append(first ? "" : ",");
            first = false;
            JsonText.quote(out, value);
        }
        out.append(']');
    }

    private static void bytes(StringBuilder out, SdkBytes value) {
        out.append('"').append(Base64.getEncoder().encodeToString(value.asByteArray())).append('"');
    }

}
