package com.salesos.admin.functions.points;

import com.salesos.admin.badges.Badge;
import com.salesos.admin.badges.CredentialIssuer;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an award's OpenBadgeCredential under the configured public base URL and signs its VC-JWT
 * with KMS, once, when the badge is awarded. The result is the JSON-LD document as published.
 */
final class SignedCredentials implements CredentialIssuer {

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
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", OpenBadgesDocuments.issuerId(baseUrl, workspaceId));
        claims.put("jti", credential.get("id"));
        claims.put("sub", ((Map<?, ?>) credential.get("credentialSubject")).get("id"));
        claims.put("nbf", awardedAt.getEpochSecond());
        claims.put("vc", credential);
        try {
            String header = json.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", signer.keyId()));
            String jwt = signer.sign(header, json.writeValueAsString(claims));
            Map<String, Object> signed = new LinkedHashMap<>(credential);
            signed.put("proof", List.of(Map.of("type", "JwtProof2020", "proofPurpose", "assertionMethod",
                    "verificationMethod", OpenBadgesDocuments.issuerId(baseUrl, workspaceId) + "#" + signer.keyId(), "jwt", jwt)));
            return json.writeValueAsString(signed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
