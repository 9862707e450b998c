package com.salesos.admin.functions.points;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.ProblemKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs compact JWS (RS256) with an asymmetric KMS key: the private key never leaves KMS. KMS takes
 * raw messages up to 4 KB, which a credential normally fits in; a larger signing input is sent as
 * its SHA-256 digest. The public key is read once per container and published as a JWK.
 */
final class KmsJwtSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int KMS_RAW_LIMIT = 4096;

    private final KmsClient kms;
    private final String keyId;
    private volatile Map<String, Object> jwk;

    KmsJwtSigner(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    /** {@code header.payload.signature}, with {@code alg} RS256 and this key's id as {@code kid}. */
    String sign(String headerJson, String payloadJson) {
        String signingInput = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        boolean raw = input.length <= KMS_RAW_LIMIT;
        byte[] message = raw ? input : sha256(input);
        byte[] signature = withKms(() -> kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromByteArray(message))
                        .messageType(raw ? MessageType.RAW : MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256))
                .signature().asByteArray());
        return signingInput + "." + B64.encodeToString(signature);
    }

    String keyId() {
        return keyId;
    }

    /** The public key as a JWK (RFC 7517), for the issuer's JWKS. */
    Map<String, Object> publicJwk() {
        if (jwk == null) {
            try {
                byte[] der = withKms(() -> kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray());
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("kty", "RSA");
                map.put("use", "sig");
                map.put("alg", "RS256");
                map.put("kid", keyId);
                map.put("n", B64.encodeToString(unsigned(key.getModulus())));
                map.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
                // Insertion order kept: the issuer profile, and so its ETag, is the same in every container.
                jwk = java.util.Collections.unmodifiableMap(map);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("KMS returned a public key that is not RSA", e);
            }
        }
        return jwk;
    }

    /**
     * KMS unreachable is a 503 the caller can repeat. Signing happens when a badge is awarded: the
     * activity that earned it is booked already, and a retry of the same activity finishes the
     * award (PointsService), so nothing is lost and nothing is booked twice.
     */
    private static <T> T withKms(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "signing-unavailable", "Badge signing unavailable",
                    "The signing service did not answer. Repeat the request: an activity already booked is not booked"
                            + " again, and the badge it earned is awarded on the retry");
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
