package com.salesos.admin.local.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.calls.AwsCallRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The calls recorded by every function module's tests: {@code <module>/target/aws-calls.jsonl},
 * for each module a function's CodeUri points into. In {@code mvn verify} those modules' tests run
 * before this (the last) module's; a missing file means they did not run, and the IAM check then
 * fails with that message rather than check against nothing.
 */
public final class RecordedCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedCalls() {
    }

    public static List<RecordedCall> of(TransformedTemplate template, Path root) {
        TreeSet<String> modules = new TreeSet<>();
        template.functions().values().forEach(f -> {
            String codeUri = f.path("Properties").path("Code").path("S3Key").asText();
            modules.add(codeUri.substring(0, codeUri.indexOf("/target/")));
        });
        List<RecordedCall> calls = new ArrayList<>();
        for (String module : modules) {
            Path file = root.resolve(module).resolve("target/aws-calls.jsonl");
            if (!Files.exists(file)) {
                throw new IllegalStateException("No recorded AWS calls at " + root.relativize(file) + ": the tests of " + module
                        + " write it (system property " + AwsCallRecorder.FILE_PROPERTY + ", set in the root pom)."
                        + " Run the whole build (mvn verify), or that module's tests first; the IAM check does not"
                        + " run against missing recordings.");
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        calls.add(JSON.readValue(line, RecordedCall.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return calls;
    }
}
