package com.salesos.admin.emulator.calls;

import com.salesos.admin.emulator.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records how each route answered in a module's tests (status and media type, never a body), so
 * that the OpenAPI contract test in {@code local} can hold every function's document to what its
 * routes really answer: a status the tests saw is a documented response of that route. Written to
 * the file the system property {@value #FILE_PROPERTY} names (the root pom's surefire
 * configuration: each module's target/http-answers.jsonl; see {@link RecordingFile}).
 */
public final class AnswerRecorder {

    public static final String FILE_PROPERTY = "salesos.http-answers";

    private static final RecordingFile FILE = new RecordingFile(FILE_PROPERTY);

    private AnswerRecorder() {
    }

    /** {@code contentType} as the function set it (null for none); parameters such as charset are dropped. */
    public static void record(SamTemplate.Route route, int status, String contentType) {
        if (!FILE.enabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("method", route.method());
        line.put("path", route.path());
        line.put("status", status);
        line.put("contentType", contentType == null ? null : contentType.split(";")[0].trim());
        line.put("test", RecordingFile.testClass());
        FILE.write(line);
    }
}
