package com.salesos.admin.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing and the opaque cursor of the next page, if any. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
