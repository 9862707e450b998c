package com.salesos.admin.local;

import static com.salesos.admin.local.OpenApiContractTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.RepositoryRoot;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.emulator.calls.AnswerRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against what the routes really answered in the function modules' own
 * tests ({@link AnswerRecorder}: {@code <module>/target/http-answers.jsonl}, written as their
 * tests call the real handlers; in {@code mvn verify} they run before this module). Every status
 * a route gave is one its operation documents, and every refusal was a problem document as the
 * document says. A new refusal in code, or an answer the controller's signature hides (201, 302,
 * 304), fails here until the controller declares it.
 */
class OpenApiAnswersContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(String method, String path, int status, String contentType, String test) {
        String route() {
            return method + " " + path;
        }
    }

    static List<Answer> answers;

    @BeforeAll
    static void readRecordings() throws IOException {
        Path root = RepositoryRoot.locate();
        SamTemplate template = SamTemplate.ofRepository();
        answers = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            String module = function.codeUri().substring(0, function.codeUri().indexOf("/target/"));
            Path file = root.resolve(module).resolve("target/http-answers.jsonl");
            if (!Files.exists(file)) {
                // A module whose function serves routes tests them through its handler; the others may not record.
                assertThat(function.routes()).as("No %s: the tests of %s write it (system property %s, set in the "
                        + "root pom). Run the whole build (mvn verify), or that module's tests first.",
                        root.relativize(file), module, AnswerRecorder.FILE_PROPERTY).isEmpty();
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode answer = JSON.readTree(line);
                    answers.add(new Answer(answer.path("method").asText(), answer.path("path").asText(),
                            answer.path("status").asInt(), answer.path("contentType").isNull() ? null
                                    : answer.path("contentType").asText(), answer.path("test").asText()));
                }
            }
        }
    }

    @Test
    void the_recordings_cover_most_routes() {
        long routes = SamTemplate.ofRepository().routes().size();
        long answered = answers.stream().map(Answer::route).distinct().count();
        // Not every route needs a test through its handler (some are covered over HTTP in this module),
        // but far fewer answers than routes means the recordings are stale or partial.
        assertThat(answered).as("routes with recorded answers").isGreaterThanOrEqualTo(routes * 9 / 10);
    }

    @Test
    void every_status_a_route_answered_is_documented_for_it() {
        TreeSet<String> undocumented = new TreeSet<>();
        for (Answer answer : answers) {
            Map<String, Object> responses = map(OpenApiContractTest.operation(answer.method(), answer.path()).body()
                    .get("responses"));
            if (!responses.containsKey(String.valueOf(answer.status()))) {
                undocumented.add(answer.route() + " answered " + answer.status() + " in " + answer.test());
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void every_answer_came_in_a_media_type_its_documented_response_names() {
        TreeSet<String> mismatched = new TreeSet<>();
        for (Answer answer : answers) {
            if (answer.contentType() == null || answer.status() == 401) {
                continue; // no body; 401 is API Gateway's in AWS, documented without one
            }
            Map<String, Object> response = map(map(OpenApiContractTest.operation(answer.method(), answer.path()).body()
                    .get("responses")).get(String.valueOf(answer.status())));
            Map<String, Object> content = map(response.get("content"));
            if (!response.isEmpty() && !content.containsKey(answer.contentType())) {
                mismatched.add(answer.route() + " " + answer.status() + " answered " + answer.contentType()
                        + ", documented " + content.keySet() + " (" + answer.test() + ")");
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void every_refusal_a_function_gave_was_a_problem_document() {
        assertThat(answers).filteredOn(a -> a.status() >= 400).isNotEmpty()
                .allSatisfy(a -> assertThat(a.contentType()).as("%s %s in %s", a.route(), a.status(), a.test())
                        .isEqualTo("application/problem+json"));
    }
}
