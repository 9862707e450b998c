package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static com.salesos.admin.emulator.TestWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An awarded badge as an Open Badges 3.0 credential, read without signing in: the JSON-LD expanded
 * in safe mode with the published contexts (Node, jsonld), and its VC-JWT verified with an
 * independent JWT library from the issuer's public profile alone.
 */
@ExtendWith(LocalAwsExtension.class)
class OpenBadgesThroughLambdaTest {

    static final String WS = "ws-ob";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;
    static CrmAccount crm;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace open = TestWorkspace.on(aws, WS).name("Open Co").tier("team").seatLimit(10)
                .user("usr_ob_admin", "admin@ob.test", "Admin", "admin")
                .user("usr_ob_rep", "rep@ob.test", "Rep", "sales-rep")
                .crm()
                .build();
        admin = open.user("usr_ob_admin");
        api = lambda;
        crm = open.crm();
        var won = api.callAs(crm, "POST", "/v1/gamification/activities", json("id", "ob-1", "userId", "usr_ob_rep", "type", "DEAL_WON",
                "occurredAt", Instant.now().minusSeconds(30).toString()));
        assertThat(won.json().path("badgesAwarded").toString()).contains("first-deal-won");
    }

    static final String CREDENTIAL = "/openbadges/credentials/" + WS + "~usr_ob_rep~first-deal-won";
    static final Map<String, String> ASK_FOR_JWT = Map.of("Accept", "application/vc+jwt");

    @Test
    void the_credential_is_plain_open_badges_json_ld_without_an_embedded_proof() {
        var credential = api.call("GET", CREDENTIAL, null, null);
        assertThat(credential.status()).as(credential.body()).isEqualTo(200);
        assertThat(credential.header("content-type")).startsWith("application/ld+json");
        assertThat(credential.header("Vary")).isEqualTo("Accept");
        JsonNode vc = credential.json();
        assertThat(vc.path("@context").toString()).contains("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(vc.path("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(vc.path("issuer").path("type").toString()).contains("Profile");
        assertThat(vc.path("issuer").path("id").asText()).endsWith("/openbadges/issuers/" + WS);
        assertThat(Instant.parse(vc.path("validFrom").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode subject = vc.path("credentialSubject");
        assertThat(subject.path("type").toString()).contains("AchievementSubject");
        assertThat(subject.path("achievement").path("type").toString()).contains("Achievement");
        assertThat(subject.path("achievement").path("criteria").path("narrative").asText()).isNotBlank();
        assertThat(vc.has("proof")).as("no made-up proof type in the JSON-LD").isFalse();
        assertThat(vc.toString()).doesNotContain("rep@ob.test");
    }

    /**
     * A third-party verifier (OB 3.0 section 8.2.6) with nothing but the credential URL: it asks for
     * the VC-JWT, reads the issuer from the payload, fetches that issuer's public profile, takes the
     * key the header's kid names from its published key set, verifies, and checks the registered
     * claims against the credential's own members, which sit at the top level of the payload.
     */
    @Test
    void the_vc_jwt_verifies_from_the_issuer_profile_alone_and_its_payload_is_the_credential_itself() throws Exception {
        var response = api.call("GET", CREDENTIAL, null, null, ASK_FOR_JWT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("application/vc+jwt");
        SignedJWT jwt = SignedJWT.parse(response.body().strip());
        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();

        String issuerId = (String) ((Map<?, ?>) claims.get("issuer")).get("id");
        assertThat(issuerId).startsWith(aws.stack().environmentOf("PointsFunction").get(PointsSettings.PUBLIC_BASE_URL));
        var profile = api.call("GET", java.net.URI.create(issuerId).getPath(), null, null).json();
        JWKSet published = JWKSet.parse(new ObjectMapper().writeValueAsString(profile.path("publicKey")));
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key).as("the header's kid names a key in the issuer profile").isNotNull();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getJWK().toJSONObject()).as("the header's jwk is the published key")
                .isEqualTo(key.toPublicJWK().toJSONObject());

        assertThat(claims).doesNotContainKey("vc");
        assertThat(claims.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(claims).containsKeys("@context", "credentialSubject", "validFrom", "name");
        assertThat(claims.get("iss")).isEqualTo(issuerId);
        assertThat(claims.get("jti")).isEqualTo(claims.get("id"));
        assertThat(jwt.getJWTClaimsSet().getNotBeforeTime().toInstant())
                .isEqualTo(Instant.parse((String) claims.get("validFrom")));
        assertThat(claims.get("sub")).isEqualTo(((Map<?, ?>) claims.get("credentialSubject")).get("id"));

        ObjectNode members = new ObjectMapper().readValue(jwt.getPayload().toString(), ObjectNode.class);
        members.remove(List.of("iss", "jti", "nbf", "sub"));
        assertThat(members).as("the JSON-LD is the signed payload without the registered claims")
                .isEqualTo(api.call("GET", CREDENTIAL, null, null).json());
    }

    @Test
    void the_credential_and_achievement_expand_in_json_ld_safe_mode_with_the_published_vc_2_and_ob_3_contexts() {
        String credential = api.call("GET", CREDENTIAL, null, null).body();
        String achievement = api.call("GET", "/openbadges/achievements/" + WS + "~first-deal-won", null, null).body();

        JsonLdSafeMode.Result ours = JsonLdSafeMode.expand(List.of(credential, achievement));
        assertThat(ours.allExpanded()).as(ours.output()).isTrue();

        // The check itself catches what it must: the old embedded proof's terms are defined nowhere.
        String withOldProof = credential.substring(0, credential.lastIndexOf('}'))
                + ",\"proof\":[{\"type\":\"JwtProof2020\",\"proofPurpose\":\"assertionMethod\",\"jwt\":\"a.b.c\"}]}";
        JsonLdSafeMode.Result old = JsonLdSafeMode.expand(List.of(withOldProof));
        assertThat(old.allExpanded()).as(old.output()).isFalse();
        assertThat(old.output()).contains("Safe mode");
    }

    @Test
    void default_badges_have_an_image_served_from_a_stable_public_url() {
        JsonNode achievement = api.call("GET", "/openbadges/achievements/" + WS + "~first-deal-won", null, null).json();
        assertThat(achievement.path("image").path("type").asText()).isEqualTo("Image");
        String imageUrl = achievement.path("image").path("id").asText();
        assertThat(imageUrl).isEqualTo(aws.stack().environmentOf("PointsFunction").get(PointsSettings.PUBLIC_BASE_URL)
                + "/openbadges/images/" + WS + "~first-deal-won");

        var image = api.call("GET", java.net.URI.create(imageUrl).getPath(), null, null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("content-type")).startsWith("image/svg+xml");
        assertThat(image.header("Content-Security-Policy")).contains("sandbox");
        assertThat(image.body()).startsWith("<svg").doesNotContain("<script");
        for (var badge : com.salesos.admin.badges.Badge.DEFAULTS) {
            assertThat(api.call("GET", "/openbadges/images/" + WS + "~" + badge.id(), null, null).status()).as(badge.id())
                    .isEqualTo(200);
        }
    }

    @Test
    void every_award_names_its_public_credential_by_the_id_the_credential_route_takes_and_by_url() {
        String configured = aws.stack().environmentOf("PointsFunction").get(PointsSettings.PUBLIC_BASE_URL);
        var awards = api.call("GET", "/v1/gamification/awards?userId=usr_ob_rep", null, admin.subject());
        assertThat(awards.status()).as(awards.body()).isEqualTo(200);
        JsonNode award = awards.json().path("items").get(0);

        assertThat(award.path("credentialId").asText()).isEqualTo(WS + "~usr_ob_rep~first-deal-won");
        assertThat(award.path("credentialUrl").asText())
                .isEqualTo(configured + "/openbadges/credentials/" + award.path("credentialId").asText());
        assertThat(api.call("GET", "/openbadges/credentials/" + award.path("credentialId").asText(), null, null).status())
                .isEqualTo(200);
    }

    @Test
    void a_tampered_credential_does_not_verify() throws Exception {
        var issuer = api.call("GET", "/openbadges/issuers/" + WS, null, null).json();
        String[] parts = api.call("GET", CREDENTIAL, null, null, ASK_FOR_JWT).body().strip().split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"someone else\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SignedJWT forged = SignedJWT.parse(parts[0] + "." + forgedPayload + "." + parts[2]);
        RSAKey key = (RSAKey) JWKSet.parse(new ObjectMapper().writeValueAsString(issuer.path("publicKey"))).getKeys().get(0);
        assertThat(forged.verify(new RSASSAVerifier(key))).isFalse();
    }

    @Test
    void achievements_are_public_json_ld_and_unknown_documents_are_404() {
        var achievement = api.call("GET", "/openbadges/achievements/" + WS + "~first-deal-won", null, null);
        assertThat(achievement.status()).isEqualTo(200);
        assertThat(achievement.json().path("type").toString()).contains("Achievement");
        assertThat(achievement.json().path("name").asText()).isEqualTo("First deal won");
        assertThat(api.call("GET", "/openbadges/achievements/" + WS + "~no-such-badge", null, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/openbadges/credentials/" + WS + "~usr_ob_admin~first-deal-won", null, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/openbadges/credentials/garbage", null, null).status()).isEqualTo(404);
        // Compound ids stay bounded: at most three parts, each an id of at most 128 characters.
        var fourParts = api.call("GET", "/openbadges/credentials/a~b~c~d", null, null);
        assertThat(fourParts.status()).isEqualTo(404);
        assertThat(fourParts.body()).contains("up to three such ids");
        assertThat(api.call("GET", "/openbadges/credentials/" + WS + "~" + "u".repeat(129) + "~first-deal-won", null, null)
                .status()).isEqualTo(404);
        assertThat(api.call("GET", "/openbadges/issuers/ws-nowhere", null, null).status()).isEqualTo(404);
    }

    @Test
    void a_credential_is_signed_once_when_awarded_and_served_as_stored_under_the_configured_url_whatever_the_host()
            throws Exception {
        String configured = aws.stack().environmentOf("PointsFunction").get(PointsSettings.PUBLIC_BASE_URL);
        aws.workspaces().addUser(WS, "usr_ob_rep2", "rep2@ob.test", "Rep 2", "sales-rep", null, PASSWORD);
        KmsSignCounter.reset();
        var won = api.callAs(crm, "POST",
                "/v1/gamification/activities", json("id", "ob-2", "userId", "usr_ob_rep2", "type", "DEAL_WON",
                        "occurredAt", Instant.now().minusSeconds(5).toString()));
        assertThat(won.json().path("badgesAwarded").toString()).contains("first-deal-won");
        assertThat(KmsSignCounter.signs()).as("signed when awarded").isEqualTo(1);

        KmsSignCounter.reset();
        Map<String, String> evil = Map.of("Host", "evil.example", "X-Forwarded-Proto", "https");
        String path = "/openbadges/credentials/" + WS + "~usr_ob_rep2~first-deal-won";
        String first = null;
        for (int i = 0; i < 100; i++) {
            var response = api.call("GET", path, null, null, evil);
            assertThat(response.status()).isEqualTo(200);
            first = first == null ? response.body() : first;
            assertThat(response.body()).isEqualTo(first);
        }
        assertThat(KmsSignCounter.signs()).as("KMS Sign calls for 100 GETs").isZero();

        JsonNode vc = new ObjectMapper().readTree(first);
        assertThat(vc.path("issuer").path("id").asText()).isEqualTo(configured + "/openbadges/issuers/" + WS);
        assertThat(vc.path("id").asText()).isEqualTo(configured + path);
        assertThat(first).doesNotContain("evil.example");
        SignedJWT jwt = SignedJWT.parse(api.call("GET", path, null, null, ASK_FOR_JWT).body());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(configured + "/openbadges/issuers/" + WS);
        var achievement = api.call("GET", "/openbadges/achievements/" + WS + "~first-deal-won", null, null, evil);
        assertThat(achievement.json().path("id").asText()).startsWith(configured + "/openbadges/achievements/");
        assertThat(achievement.body()).doesNotContain("evil.example");
        assertThat(api.call("GET", "/openbadges/issuers/" + WS, null, null, evil).json().path("id").asText())
                .isEqualTo(configured + "/openbadges/issuers/" + WS);
    }

    @Test
    void public_documents_carry_a_strong_etag_and_cache_control_and_answer_304_when_unchanged() {
        for (String path : List.of(CREDENTIAL, "/openbadges/achievements/" + WS + "~first-deal-won", "/openbadges/issuers/" + WS)) {
            var response = api.call("GET", path, null, null);
            assertThat(response.status()).isEqualTo(200);
            String etag = response.header("ETag");
            assertThat(etag).as(path).matches("\"[0-9a-f]{64}\"");
            assertThat(response.header("Cache-Control")).as(path).startsWith("public, max-age=");
            assertThat(api.call("GET", path, null, null).header("ETag")).isEqualTo(etag);

            var notModified = api.call("GET", path, null, null, Map.of("If-None-Match", etag));
            assertThat(notModified.status()).as(path).isEqualTo(304);
            assertThat(notModified.body()).isNullOrEmpty();
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(api.call("GET", path, null, null, Map.of("If-None-Match", "\"stale\"")).status()).isEqualTo(200);
        }
    }
}
