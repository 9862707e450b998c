package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.emulator.TestWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The viewer at /docs in a real browser (Debian's headless {@code chromium}): it loads the
 * document the local server serves, lists every route of the template, and calls the local API
 * with a session token the way a developer would (Authorize, Try it out, Execute). Screenshots go
 * to {@code local/target/browser/}. Without chromium the test is skipped, except in CI (the
 * {@code CI} variable set), where it fails: {@code .ci/run} installs chromium.
 */
@ExtendWith(LocalAwsExtension.class)
class ApiViewerInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    static final Duration LOAD = Duration.ofSeconds(60);

    static LocalServer server;
    static HeadlessChromium browser;
    static TestWorkspace workspace;

    @BeforeAll
    static void start(LocalAws aws) throws Exception {
        var chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            if (System.getenv("CI") != null) {
                Assertions.fail("CI is set but chromium is not on the PATH: .ci/run installs it (apt-get install chromium)");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium); CI runs this test");
        }
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        workspace = TestWorkspace.on(aws, "ws-docs").name("Docs").tier("team").seatLimit(5).admin().build();
        browser = new HeadlessChromium(chromium.get(), SCREENSHOTS.resolve("chromium.log").toAbsolutePath());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_viewer_lists_every_route_of_the_template() throws Exception {
        browser.open(server.url().resolve("/docs"), "document.querySelectorAll('.opblock').length > 0", LOAD);
        browser.screenshot(SCREENSHOTS.resolve("docs.png"), true);

        // Each operation block shows its method and its path as the document has it.
        JsonNode listed = browser.evaluate("[...document.querySelectorAll('.opblock')].map(b => "
                + "b.querySelector('.opblock-summary-method').textContent + ' ' "
                + "+ b.querySelector('.opblock-summary-path').getAttribute('data-path'))");
        Set<String> shown = new TreeSet<>();
        listed.forEach(route -> shown.add(route.asText()));
        Set<String> inTemplate = SamTemplate.ofRepository().routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(shown).isEqualTo(inTemplate);
        assertThat(browser.evaluate("document.querySelector('.info .title').textContent").asText())
                .startsWith("SalesOS Admin API");
    }

    @Test
    void the_viewer_calls_the_local_api_with_a_session_token() throws Exception {
        browser.open(server.url().resolve("/docs"), "document.querySelector('#operations-users-accountMe')", LOAD);
        String token = workspace.accessToken(workspace.admin().id());
        // What the Authorize dialog does with a pasted token (Swagger UI's own API for it).
        browser.evaluate("ui.preauthorizeApiKey('bearerJwt', '" + token + "'), true");
        browser.evaluate("document.querySelector('#operations-users-accountMe .opblock-summary-control').click(), true");
        browser.waitFor("document.querySelector('#operations-users-accountMe .try-out__btn')", LOAD);
        browser.evaluate("document.querySelector('#operations-users-accountMe .try-out__btn').click(), true");
        browser.waitFor("document.querySelector('#operations-users-accountMe .execute')", LOAD);
        browser.evaluate("document.querySelector('#operations-users-accountMe .execute').click(), true");
        String status = "#operations-users-accountMe .live-responses-table tbody .response-col_status";
        browser.waitFor("document.querySelector('" + status + "')", LOAD);
        browser.evaluate("document.querySelector('#operations-users-accountMe .live-responses-table').scrollIntoView(), true");
        browser.screenshot(SCREENSHOTS.resolve("docs-try-it-out.png"), false);

        assertThat(browser.evaluate("document.querySelector('" + status + "').textContent").asText().trim())
                .isEqualTo("200");
        assertThat(browser.evaluate("document.querySelector('#operations-users-accountMe .live-responses-table "
                + "tbody .response-col_description').textContent").asText())
                .contains(workspace.admin().email().value()).contains("ws-docs");
    }
}
