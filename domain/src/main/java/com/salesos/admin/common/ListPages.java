package com.salesos.admin.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages a list that is read whole because it is small and bounded (a workspace's roles: three
 * built-in and at most 100 custom; its badges: three default and at most 100 custom), the way
 * API.md pages every list ({@code limit}, {@code cursor}, {@code nextCursor}). Each item has an
 * order key; the cursor carries the last key handed out, so the next page starts after it even when
 * items before it were deleted meanwhile. The key is the caller's own list's: it opens nothing else.
 */
public final class ListPages {

    /** An order key is at most a prefix and an id of 128 characters: anything longer was not made here. */
    private static final int MAX_CURSOR_LENGTH = 200;

    private ListPages() {
    }

    public static <T> Page<T> page(List<T> items, Function<T, String> orderKey, PageRequest request) {
        Optional<String> after = request.cursor().map(ListPages::decode);
        List<T> rest = items.stream()
                .filter(item -> after.map(last -> orderKey.apply(item).compareTo(last) > 0).orElse(true))
                .sorted(Comparator.comparing(orderKey))
                .toList();
        List<T> page = rest.subList(0, Math.min(request.limit(), rest.size()));
        Optional<String> next = rest.size() > page.size()
                ? Optional.of(encode(orderKey.apply(page.get(page.size() - 1)))) : Optional.empty();
        return new Page<>(page, next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw PageRequest.invalidCursor();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw PageRequest.invalidCursor();
        }
    }
}
