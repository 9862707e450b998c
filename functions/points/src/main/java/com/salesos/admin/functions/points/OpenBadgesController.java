package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeService;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.web.PublicRoute;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public Open Badges 3.0 routes: anyone holding a badge link can read and verify it. Every id
 * in them is built from the configured public base URL, never from request headers. A credential
 * was signed (VC-JWT, RS256, KMS) when its badge was awarded and is served as stored: reading one
 * never calls KMS. Public documents carry a strong ETag (SHA-256 of the body) and may be cached.
 */
@Controller("/openbadges")
public class OpenBadgesController {

    static final String JSON_LD = "application/ld+json";
    /** Public documents change only when a badge is edited; five minutes of caching is harmless. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final BadgeService badges;
    private final WorkspaceDirectory workspaces;
    private final KmsJwtSigner signer;
    private final JsonMapper json;
    private final String baseUrl;

    public OpenBadgesController(BadgeService badges, WorkspaceDirectory workspaces, KmsJwtSigner signer, JsonMapper json,
                                PointsWiring.PublicBaseUrl baseUrl) {
        this.badges = badges;
        this.workspaces = workspaces;
        this.signer = signer;
        this.json = json;
        this.baseUrl = baseUrl.value();
    }

    @Get("/issuers/{workspaceId}")
    @PublicRoute
    public HttpResponse<String> issuer(@Nullable @Header("If-None-Match") String ifNoneMatch,
                                       @PathVariable String workspaceId) throws IOException {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", OpenBadgesDocuments.CONTEXT);
        profile.putAll(OpenBadgesDocuments.profile(baseUrl, workspaceId, workspaceName(workspaceId)));
        profile.put("publicKey", Map.of("keys", List.of(signer.publicJwk())));
        return publicDocument(json.writeValueAsString(profile), ifNoneMatch);
    }

    @Get("/achievements/{id}")
    @PublicRoute
    public HttpResponse<String> achievement(@Nullable @Header("If-None-Match") String ifNoneMatch,
                                            @PathVariable String id) throws IOException {
        String[] parts = split(id, 2);
        Badge badge = badges.find(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Achievement " + id));
        return publicDocument(json.writeValueAsString(
                OpenBadgesDocuments.achievement(baseUrl, parts[0], workspaceName(parts[0]), badge)), ifNoneMatch);
    }

    /** The badge image, through the API: a redirect to a URL that works for a few minutes. */
    @Get("/images/{id}")
    @PublicRoute
    public HttpResponse<?> image(@PathVariable String id) {
        String[] parts = split(id, 2);
        java.net.URI link = badges.imageLink(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Image " + id));
        // 302, never cached: the target expires in minutes.
        return HttpResponse.status(HttpStatus.FOUND).header("Location", link.toString())
                .header("Cache-Control", "no-store");
    }

    @Get("/credentials/{id}")
    @PublicRoute
    public HttpResponse<String> credential(@Nullable @Header("If-None-Match") String ifNoneMatch, @PathVariable String id) {
        String[] parts = split(id, 3);
        String credential = badges.credential(parts[0], parts[1], parts[2])
                .orElseThrow(() -> DomainException.notFound("Credential " + id));
        return publicDocument(credential, ifNoneMatch);
    }

    /** 200 with the document, or 304 when the client already holds this exact version. */
    private static HttpResponse<String> publicDocument(String body, @Nullable String ifNoneMatch) {
        String etag = "\"" + sha256Hex(body) + "\"";
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
        }
        return HttpResponse.ok(body).contentType(JSON_LD).header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
    }

    private static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
