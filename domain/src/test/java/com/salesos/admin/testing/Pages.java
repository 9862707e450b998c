package com.salesos.admin.testing;

import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import java.util.List;
import java.util.Optional;

/** Cursor paging over a list: the cursor is the index of the next item. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(List<T> all, PageRequest page) {
        int from = page.cursor().map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + page.limit());
        return new Page<>(all.subList(Math.min(from, all.size()), to),
                to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }
}
