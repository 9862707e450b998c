package com.salesos.admin.web;

import com.salesos.admin.common.Page;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** A listing as API.md shows it: {@code {items, nextCursor}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, @Nullable String nextCursor) {

    public static <D, T> PageView<T> of(Page<D> page, Function<D, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
    }
}
