package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.BadgeService;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.web.PublicRoute;
import com.salesos.admin.workspaces.DeletedWorkspace;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The public Open Badges 3.0 routes: anyone holding a badge link can read and verify it. Every id
 * in them is built from the configured public base URL, never from request headers. A credential
 * was signed (VC-JWT, RS256, KMS) when its badge was awarded and is served as stored: reading one
 * never calls KMS. Public documents carry a strong ETag (SHA-256 of the body) and may be cached.
 * Default badges' images are SVGs shipped with the function; custom ones are uploads in S3.
 */
@Controller("/openbadges")
public class OpenBadgesController {

    static final String JSON_LD = "application/ld+json";
    /** Public documents change only when a badge is edited; five minutes of caching is harmless. */
    static final String CACHE_CONTROL = "public, max-age=300";
    /** The media type of a VC-JWT (OB 3.0 section 8.2), asked for with {@code Accept}. */
    static final String VC_JWT = "application/vc+jwt";
    /** Where the default badges' SVG images are on the classpath. */
    static final String DEFAULT_IMAGES = "/openbadges/default-badges/";

    private final java.util.concurrent.ConcurrentMap<String, String> defaultImages = new java.util.concurrent.ConcurrentHashMap<>();

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
    @Produces({MediaType.APPLICATION_JSON, JSON_LD})
    @PublicRoute
    @ApiResponse(responseCode = "200", description = "The JSON-LD document; ETag for If-None-Match", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public HttpResponse<String> issuer(@Nullable @Header("If-None-Match") String ifNoneMatch,
                                       @PathVariable String workspaceId) throws IOException {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", OpenBadgesDocuments.CONTEXT);
        profile.putAll(OpenBadgesDocuments.profile(baseUrl, workspaceId, workspaceName(workspaceId)));
        profile.put("publicKey", Map.of("keys", List.of(signer.publicJwk())));
        return publicDocument(json.writeValueAsString(profile), JSON_LD, ifNoneMatch);
    }

    @Get("/achievements/{id}")
    @Produces({MediaType.APPLICATION_JSON, JSON_LD})
    @PublicRoute
    @ApiResponse(responseCode = "200", description = "The JSON-LD document; ETag for If-None-Match", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public HttpResponse<String> achievement(@Nullable @Header("If-None-Match") String ifNoneMatch,
                                            @PathVariable String id) throws IOException {
        String[] parts = split(id, 2);
        String issuerName = workspaceName(parts[0]);
        Badge badge = badges.find(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Achievement " + id));
        return publicDocument(json.writeValueAsString(
                OpenBadgesDocuments.achievement(baseUrl, parts[0], issuerName, badge)), JSON_LD, ifNoneMatch);
    }

    /**
     * The badge image, through the API: a default badge's SVG itself; a custom badge's upload by a
     * redirect to a URL that works for a few minutes.
     */
    @Get("/images/{id}")
    @PublicRoute
    @ApiResponse(responseCode = "302", description = "Location: a short-lived URL of the badge's image")
    @ApiResponse(responseCode = "200", description = "A default badge's image", content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")))
    public HttpResponse<?> image(@PathVariable String id) {
        String[] parts = split(id, 2);
        workspaceName(parts[0]);
        Badge badge = badges.find(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Image " + id));
        if (!badge.custom()) {
            return defaultImage(badge);
        }
        java.net.URI link = badges.imageLink(parts[0], parts[1]).orElseThrow(() -> DomainException.notFound("Image " + id));
        // 302, never cached: the target expires in minutes.
        return HttpResponse.status(HttpStatus.FOUND).header("Location", link.toString())
                .header("Cache-Control", "no-store");
    }

    /**
     * The credential as signed when awarded: the compact VC-JWT for a client that asks for
     * {@code application/vc+jwt}, otherwise the plain JSON-LD credential (the JWT's payload
     * without its registered claims), which carries no embedded proof.
     */
    @Get("/credentials/{id}")
    @Produces({MediaType.APPLICATION_JSON, JSON_LD, VC_JWT})
    @PublicRoute
    @ApiResponse(responseCode = "200", description = "The JSON-LD document; ETag for If-None-Match", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public HttpResponse<String> credential(@Nullable @Header("If-None-Match") String ifNoneMatch,
                                           @Nullable @Header("Accept") String accept, @PathVariable String id) {
        String[] parts = split(id, 3);
        workspaceName(parts[0]);
        String jwt = badges.credential(parts[0], parts[1], parts[2])
                .orElseThrow(() -> DomainException.notFound("Credential " + id));
        boolean wantsJwt = accept != null && java.util.Arrays.stream(accept.split(","))
                .map(type -> type.split(";")[0].strip()).anyMatch(VC_JWT::equalsIgnoreCase);
        // One URL, two representations: caches must key on Accept.
        return (wantsJwt ? publicDocument(jwt, VC_JWT, ifNoneMatch)
                : publicDocument(SignedCredentials.document(jwt, json), JSON_LD, ifNoneMatch)).header("Vary", "Accept");
    }

    /**
     * A default badge's image: an SVG shipped with the function, the same for every workspace.
     * Served as an image that can run nothing (CSP sandbox, no sniffing), cacheable for a day.
     */
    private HttpResponse<?> defaultImage(Badge badge) {
        String svg = defaultImages.computeIfAbsent(badge.id(), OpenBadgesController::readDefaultImage);
        return HttpResponse.ok(svg).contentType(badge.imageType()).header("Cache-Control", "public, max-age=86400")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String readDefaultImage(String badgeId) {
        try (var in = OpenBadgesController.class.getResourceAsStream(DEFAULT_IMAGES + badgeId + ".svg")) {
            if (in == null) {
                throw new IllegalStateException("No image shipped for default badge " + badgeId);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** 200 with the document, or 304 when the client already holds this exact version. */
    private static io.micronaut.http.MutableHttpResponse<String> publicDocument(String body, String contentType,
                                                                               @Nullable String ifNoneMatch) {
        String etag = "\"" + sha256Hex(body) + "\"";
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
        }
        return HttpResponse.ok(body).contentType(contentType).header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
    }

    private static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The issuing workspace's name; every public document first needs its workspace to exist. Once
     * a workspace's deletion finished, its documents answer 410 Gone (its tombstone says so); a
     * workspace that never existed answers 404.
     */
    private String workspaceName(String workspaceId) {
        return workspaces.name(workspaceId).orElseThrow(() -> workspaces.deleted(workspaceId)
                ? DeletedWorkspace.gone(workspaceId) : DomainException.notFound("Issuer " + workspaceId));
    }

    private static String[] split(String id, int parts) {
        String[] split = id.split(OpenBadgesDocuments.SEPARATOR, -1);
        if (split.length != parts || java.util.Arrays.stream(split).anyMatch(String::isBlank)) {
            throw DomainException.notFound("Open Badges document " + id);
        }
        return split;
    }
}
