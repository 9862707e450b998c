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

    /** How clients send the key; the problems below name it so the client knows what to fix. */
    private static final String SENT_AS = "Idempotency-Key";
    private static final Pattern ALLOWED = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    /** The key the client chose for this request, if it chose one. */
    public static Optional<IdempotencyKey> of(String scope, String callerUserId, String clientKey, String requestDescription) {
        if (clientKey == null) {
            return Optional.empty();
        }
        if (!ALLOWED.matcher(clientKey).matches()) {
            throw malformed();
        }
        return Optional.of(new IdempotencyKey(scope, callerUserId, clientKey, sha256(requestDescription)));
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

    /** The one refusal for a key that cannot be one. */
    public static DomainException malformed() {
        return DomainException.invalidField(SENT_AS, "must be 1 to 255 visible ASCII characters");
    }

    /** The one refusal for a key sent again with a different request. */
    public static DomainException reusedForAnotherRequest() {
        return new DomainException(ProblemKind.INVALID_INPUT, "idempotency-key-reused", SENT_AS + " reused",
                "This " + SENT_AS + " was already used for a different request",
                List.of(new FieldError(SENT_AS, "was used for a different request")), Map.of());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
