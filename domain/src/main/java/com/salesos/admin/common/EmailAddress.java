package com.salesos.admin.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in the canonical form used for uniqueness: trimmed and lower-cased, so that
 * {@code " Ann@Example.com"} and {@code "ann@example.com"} are the same person in a workspace.
 */
public record EmailAddress(String value) {

    // Pragmatic syntax check (what signup forms accept): one @, a dotted domain, no spaces.
    private static final Pattern SYNTAX = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical email address");
        }
    }

    /** The canonical address, or empty when the text is not a valid email address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String canonical = raw.trim().toLowerCase(Locale.ROOT);
        return isCanonical(canonical) ? Optional.of(new EmailAddress(canonical)) : Optional.empty();
    }

    /**
     * The mailbox this address delivers to, which is what the per-address send limit counts:
     * the local part without a {@code +tag} suffix, and at Gmail (whose two domains are one) also
     * without dots. Providers deliver {@code ann+1@}, {@code ann+2@}, ... to ann's one mailbox, so
     * counting addresses would give each variant its own allowance against the same person. Only
     * for counting: the address itself is stored and mailed as given.
     */
    public String mailbox() {
        int at = value.lastIndexOf('@');
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        int tag = local.indexOf('+');
        if (tag > 0) {
            local = local.substring(0, tag);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    private static boolean isCanonical(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && !value.contains("..")
                && SYNTAX.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
