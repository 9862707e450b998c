package com.salesos.admin.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a Cognito access token the way the HTTP API's JWT authorizer does: RS256 signature
 * against the pool's JWKS, the pool as issuer, not expired, {@code token_use=access} and the app
 * client as audience ({@code client_id}, since access tokens carry no {@code aud}).
 */
final class AccessTokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    AccessTokenVerifier(URI jwksUri, String issuer, Set<String> audience) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
                Set.of("sub", "exp", "client_id")) {
            @Override
            public void verify(JWTClaimsSet claims, SecurityContext context) throws com.nimbusds.jwt.proc.BadJWTException {
                super.verify(claims, context);
                Object clientId = claims.getClaim("client_id");
                if (!audience.contains(String.valueOf(clientId))) {
                    throw new com.nimbusds.jwt.proc.BadJWTException("client_id is not an audience of this API");
                }
            }
        });
    }

    /** The verified claims as strings (as the HTTP API passes them to Lambda), or empty. */
    Optional<Map<String, String>> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Map<String, String> flat = new HashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, value instanceof java.util.Date d
                    ? Long.toString(d.toInstant().getEpochSecond()) : String.valueOf(value)));
            return Optional.of(flat);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
