package com.salesos.admin.invites;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an invitation link: 256 random bits, base64url. Only its SHA-256 hash is stored,
 * so a leaked table cannot be turned into working links. Never log it.
 */
public record InvitationToken(String value) {

    private static final int BYTES = 32;

    public static InvitationToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "InvitationToken[redacted]";
    }

    /** SHA-256 of a token, hex-encoded: what the store keeps and looks tokens up by. */
    public record TokenHash(String hex) {

        static TokenHash of(String token) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                return new TokenHash(HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
            }
        }
    }
}
