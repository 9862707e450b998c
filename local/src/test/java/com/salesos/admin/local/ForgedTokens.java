package com.salesos.admin.local;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/**
 * Tokens that an attacker or a stale browser tab could present. The expired one is signed with the
 * emulator's own Cognito key (moto ships it as a resource), so only its expiry is wrong.
 */
final class ForgedTokens {

    private ForgedTokens() {
    }

    static String signedByAStranger(String issuer, String subject, String clientId) throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("dummy").generate();
        return sign(stranger, claims(issuer, subject, clientId, Instant.now().plusSeconds(600)));
    }

    static String expired(String issuer, String subject, String clientId) throws Exception {
        return sign(emulatorCognitoKey(), claims(issuer, subject, clientId, Instant.now().minusSeconds(60)));
    }

    static String validForAnotherClient(String issuer, String subject) throws Exception {
        return sign(emulatorCognitoKey(), claims(issuer, subject, "some-other-app-client", Instant.now().plusSeconds(600)));
    }

    private static JWTClaimsSet claims(String issuer, String subject, String clientId, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("client_id", clientId)
                .claim("token_use", "access").issueTime(Date.from(expiry.minusSeconds(3600)))
                .expirationTime(Date.from(expiry)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dummy").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey emulatorCognitoKey() throws Exception {
        Process python = new ProcessBuilder("python3", "-c",
                "import json; from moto.utilities.utils import load_resource; "
                        + "print(json.dumps(load_resource('moto.cognitoidp.models', 'resources/jwks-private.json')))")
                .start();
        String jwk = new String(python.getInputStream().readAllBytes()).trim();
        python.waitFor();
        return RSAKey.parse(jwk);
    }
}
