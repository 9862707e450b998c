package com.salesos.admin.common;

import com.salesos.admin.problems.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one creating request, scoped to the caller, with a
 * fingerprint of what was asked so that reusing the key for a different request is refused.
 */
public record IdempotencyKey(String callerUserId, String key, String fingerprint) {

    private static final Pattern ALLOWED = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    public static Optional<IdempotencyKey> of(String callerUserId, String header, String requestDescription) {
        if (header == null) {
            return Optional.empty();
        }
        if (!ALLOWED.matcher(header).matches()) {
            throw DomainException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return Optional.of(new IdempotencyKey(callerUserId, header, sha256(requestDescription)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
