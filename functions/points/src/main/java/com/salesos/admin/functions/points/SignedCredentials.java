package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.CredentialIssuer;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an award's OpenBadgeCredential under the configured public base URL and signs it as a
 * VC-JWT (Open Badges 3.0 section 8.2) with KMS, once, when the badge is awarded. The compact JWT
 * is what is stored: its payload is the credential itself, members at the top level, plus the
 * registered claims {@code iss}, {@code jti}, {@code nbf} and {@code sub}; the plain JSON-LD is
 * that payload without them ({@link #document}), so both representations always say the same.
 */
final class SignedCredentials implements CredentialIssuer {

    /** The JWT claims OB 3.0 adds beside the credential's members; not part of the JSON-LD. */
    static final List<String> REGISTERED_CLAIMS = List.of("iss", "jti", "nbf", "sub");

    private final String baseUrl;
    private final WorkspaceDirectory workspaces;
    private final KmsJwtSigner signer;
    private final JsonMapper json;

    SignedCredentials(String baseUrl, WorkspaceDirectory workspaces, KmsJwtSigner signer, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.workspaces = workspaces;
        this.signer = signer;
        this.json = json;
    }

    @Override
    public String issue(String workspaceId, String userId, Badge badge, Instant awardedAt) {
        String workspaceName = workspaces.name(workspaceId).orElseThrow(() -> DomainException.notFound("Issuer " + workspaceId));
        Map<String, Object> credential = OpenBadgesDocuments.credential(baseUrl, workspaceId, workspaceName, badge, userId,
                awardedAt);
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        payload.put("iss", ((Map<?, ?>) credential.get("issuer")).get("id"));
        payload.put("jti", credential.get("id"));
        payload.put("nbf", Instant.parse((String) credential.get("validFrom")).getEpochSecond());
        Object subjectId = ((Map<?, ?>) credential.get("credentialSubject")).get("id");
        if (subjectId != null) {
            payload.put("sub", subjectId);
        }
        // kid names the key in the issuer profile's published JWKS; jwk carries the same public
        // key, so a verifier holding only the credential can check it too (OB 3.0 8.2.4.1).
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", signer.keyId());
        header.put("jwk", signer.publicJwk());
        try {
            return signer.sign(json.writeValueAsString(header), json.writeValueAsString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The credential as plain JSON-LD: the signed payload without the registered JWT claims. */
    static String document(String compactJwt, JsonMapper json) {
        String[] parts = compactJwt.split("\\.");
        try {
            Map<String, Object> payload = new LinkedHashMap<>(json.readValue(Base64.getUrlDecoder().decode(parts[1]),
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            REGISTERED_CLAIMS.forEach(payload::remove);
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
