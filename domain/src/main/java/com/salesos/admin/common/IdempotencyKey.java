package com.salesos.admin.common;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one creating request, scoped to the caller and to what is
 * created (the route: {@code invitations}, {@code roles}, ...), with a fingerprint of what was asked
 * so that reusing the key for a different request is refused.
 */
public record IdempotencyKey(String scope, String callerUserId, String key, String fingerprint) {

    private static final Pattern ALLOWED = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    public static Optional<IdempotencyKey> of(String scope, String callerUserId, String header, String requestDescription) {
        if (header == null) {
            return Optional.empty();
        }
        if (!ALLOWED.matcher(header).matches()) {
            throw DomainException.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return Optional.of(new IdempotencyKey(scope, callerUserId, header, sha256(requestDescription)));
    }

    /** What an earlier request with the same key created, and whether it asked for the same thing. */
    public record Replay(String resourceId, boolean sameRequest) {

        /** The earlier resource's id, or the refusal if the key now comes with a different request. */
        public String resourceIdOrRefuse() {
            if (!sameRequest) {
                throw reusedForAnotherRequest();
            }
            return resourceId;
        }
    }

    /** The one refusal for a key sent again with a different request. */
    public static DomainException reusedForAnotherRequest() {
        return new DomainException(ProblemKind.INVALID_INPUT, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request",
                List.of(new FieldError("Idempotency-Key", "was used for a different request")), Map.of());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
