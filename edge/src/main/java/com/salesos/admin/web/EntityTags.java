package com.salesos.admin.web;

import com.salesos.admin.common.ExpectedVersion;
import java.util.Optional;

/**
 * Versions as HTTP entity tags: {@code ETag: "7"} on a read, {@code If-Match: "7"} on the change
 * made from it. Controllers turn the header into an {@link ExpectedVersion} here, so use cases never
 * see header syntax.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The ETag of a version: the number, quoted. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names: empty when the header is absent or blank; a tag
     * that is not one of our version tags (weak, a list, {@code *}, not a number) is
     * {@link ExpectedVersion#NONE}, which matches no version. Quotes are optional, as before.
     */
    public static Optional<ExpectedVersion> ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String tag = header.replace("\"", "").trim();
        try {
            long version = Long.parseLong(tag);
            return Optional.of(version < 0 ? ExpectedVersion.NONE : new ExpectedVersion(version));
        } catch (NumberFormatException notOurs) {
            return Optional.of(ExpectedVersion.NONE);
        }
    }
}
