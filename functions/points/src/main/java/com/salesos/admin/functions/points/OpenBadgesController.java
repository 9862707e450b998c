package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeService;
import com.salesos.admin.badges.BadgeStore.Award;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.web.PublicRoute;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public Open Badges 3.0 routes: anyone holding a badge link can read and verify it. The
 * credential's proof is a VC-JWT signed RS256 by KMS; the issuer Profile publishes the key as JWKS.
 */
@Controller("/openbadges")
public class OpenBadgesController {

    static final String JSON_LD = "application/ld+json";

    private final BadgeService badges;
    private final WorkspaceDirectory workspaces;
    private final KmsJwtSigner signer;
    private final JsonMapper json;

    public OpenBadgesController(BadgeService badges, WorkspaceDirectory workspaces, KmsJwtSigner signer, JsonMapper json) {
        this.badges = badges;
        this.workspaces = workspaces;
        this.signer = signer;
        this.json = json;
    }

    @Get("/issuers/{workspaceId}")
    @PublicRoute
    public HttpResponse<Map<String, Object>> issuer(HttpRequest<?> request, @PathVariable String workspaceId) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", OpenBadgesDocuments.CONTEXT);
        profile.putAll(OpenBadgesDocuments.profile(baseUrl(request), workspaceId, workspaceName(workspaceId)));
        profile.put("publicKey", Map.of("keys", List.of(signer.publicJwk())));
        return HttpResponse.ok(profile).contentType(JSON_LD);
    }

    @Get("/achievements/{id}")
    @PublicRoute
    public HttpResponse<Map<String, Object>> achievement(HttpRequest<?> request, @PathVariable String id) {
        String[] parts = split(id, 2);
        Badge badge = badges.find(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Achievement " + id));
        return HttpResponse.ok(OpenBadgesDocuments.achievement(baseUrl(request), parts[0], workspaceName(parts[0]), badge))
                .contentType(JSON_LD);
    }

    /** The badge image, through the API: a redirect to a URL that works for a few minutes. */
    @Get("/images/{id}")
    @PublicRoute
    public HttpResponse<?> image(@PathVariable String id) {
        String[] parts = split(id, 2);
        java.net.URI link = badges.imageLink(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Image " + id));
        // 302, never cached: the target expires in minutes.
        return HttpResponse.status(io.micronaut.http.HttpStatus.FOUND).header("Location", link.toString())
                .header("Cache-Control", "no-store");
    }

    @Get("/credentials/{id}")
    @PublicRoute
    public HttpResponse<Map<String, Object>> credential(HttpRequest<?> request, @PathVariable String id) throws IOException {
        String[] parts = split(id, 3);
        String workspaceId = parts[0];
        Award award = badges.findAward(workspaceId, parts[1], parts[2])
                .orElseThrow(() -> DomainException.notFound("Credential " + id));
        Badge badge = badges.find(workspaceId, parts[2]).orElseThrow(() -> DomainException.notFound("Credential " + id));
        String base = baseUrl(request);
        Map<String, Object> credential = OpenBadgesDocuments.credential(base, workspaceId, workspaceName(workspaceId), badge, award);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", OpenBadgesDocuments.issuerId(base, workspaceId));
        claims.put("jti", credential.get("id"));
        claims.put("sub", ((Map<?, ?>) credential.get("credentialSubject")).get("id"));
        claims.put("nbf", award.awardedAt().getEpochSecond());
        claims.put("vc", credential);
        String header = json.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", signer.keyId()));
        String jwt = signer.sign(header, json.writeValueAsString(claims));
        Map<String, Object> signed = new LinkedHashMap<>(credential);
        signed.put("proof", List.of(Map.of("type", "JwtProof2020", "proofPurpose", "assertionMethod",
                "verificationMethod", OpenBadgesDocuments.issuerId(base, workspaceId) + "#" + signer.keyId(), "jwt", jwt)));
        return HttpResponse.ok(signed).contentType(JSON_LD);
    }

    private String workspaceName(String workspaceId) {
        return workspaces.name(workspaceId).orElseThrow(() -> DomainException.notFound("Issuer " + workspaceId));
    }

    private static String[] split(String id, int parts) {
        String[] split = id.split(OpenBadgesDocuments.SEPARATOR, -1);
        if (split.length != parts || java.util.Arrays.stream(split).anyMatch(String::isBlank)) {
            throw DomainException.notFound("Open Badges document " + id);
        }
        return split;
    }

    /** The public base URL as the caller reached us (API Gateway's domain in AWS, localhost locally). */
    private static String baseUrl(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        String scheme = request.getHeaders().get("X-Forwarded-Proto");
        if (host == null) {
            return request.getUri().getScheme() + "://" + request.getUri().getAuthority();
        }
        return (scheme == null ? "http" : scheme) + "://" + host;
    }
}
