package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A badge image: pre-signed upload into the private bucket, served publicly through the API. */
@ExtendWith(LocalAwsExtension.class)
class BadgeImagesThroughLambdaTest {

    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static String badgeId;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        admin = TestWorkspace.on(aws, "ws-img").name("Image Co").tier("enterprise").seatLimit(10)
                .user("usr_img_admin", "admin@img.test", "Admin", "admin")
                .build().user("usr_img_admin");
        api = lambda;
        badgeId = api.call("POST", "/v1/gamification/badges", json("name", "Pictured", "pointReward", 0,
                "criteria", Map.of("kind", "pointsTotal", "atLeast", 10, "narrative", "Earn 10 points.")), admin.subject())
                .json().path("id").asText();
    }

    @Test
    void an_uploaded_png_is_served_through_the_api_and_named_by_the_achievement() throws Exception {
        byte[] png = new byte[2048];
        Arrays.fill(png, (byte) 7);
        var grant = api.call("POST", "/v1/gamification/badges/" + badgeId + "/image",
                json("contentType", "image/png", "contentLength", png.length), admin.subject());
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        assertThat(grant.json().path("method").asText()).isEqualTo("PUT");
        // The upload is signed for exactly the declared type and length.
        assertThat(query(grant.json().path("uploadUrl").asText()).get("X-Amz-SignedHeaders"))
                .contains("content-type").contains("content-length");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> uploaded = http.send(HttpRequest.newBuilder(URI.create(grant.json().path("uploadUrl").asText()))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(uploaded.statusCode()).isEqualTo(200);

        var redirect = api.call("GET", "/openbadges/images/ws-img~" + badgeId, null, null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");
        byte[] served = http.send(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(served).isEqualTo(png);

        var achievement = api.call("GET", "/openbadges/achievements/ws-img~" + badgeId, null, null).json();
        assertThat(achievement.path("image").path("id").asText()).endsWith("/openbadges/images/ws-img~" + badgeId);
    }

    @Test
    void only_png_or_svg_up_to_256_kb_is_accepted_and_images_of_unknown_badges_are_404() {
        var tooBig = api.call("POST", "/v1/gamification/badges/" + badgeId + "/image",
                json("contentType", "image/png", "contentLength", 256 * 1024 + 1), admin.subject());
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().path("errors").get(0).path("field").asText()).isEqualTo("contentLength");
        var wrongType = api.call("POST", "/v1/gamification/badges/" + badgeId + "/image",
                json("contentType", "image/gif", "contentLength", 100), admin.subject());
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(api.call("POST", "/v1/gamification/badges/first-deal-won/image",
                json("contentType", "image/png", "contentLength", 100), admin.subject()).status()).isEqualTo(409);
        assertThat(api.call("GET", "/openbadges/images/ws-img~no-badge", null, null).status()).isEqualTo(404);
    }

    @Test
    void an_svg_is_served_as_an_attachment_of_its_own_type_so_no_script_in_it_runs_on_the_storage_origin() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var grant = api.call("POST", "/v1/gamification/badges/" + badgeId + "/image",
                json("contentType", "image/svg+xml", "contentLength", svg.length), admin.subject());
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(grant.json().path("uploadUrl").asText()))
                        .header("Content-Type", "image/svg+xml").PUT(HttpRequest.BodyPublishers.ofByteArray(svg)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        var redirect = api.call("GET", "/openbadges/images/ws-img~" + badgeId, null, null);
        assertThat(redirect.status()).isEqualTo(302);
        Map<String, String> signed = query(redirect.header("Location"));
        assertThat(signed.get("response-content-disposition")).startsWith("attachment");
        assertThat(signed.get("response-content-type")).isEqualTo("image/svg+xml");
        // S3 applies signed response-* overrides; moto ignores them, so the signed URL is what we check.
        assertThat(signed.get("X-Amz-Signature")).isNotBlank();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(svg);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
