package com.salesos.admin.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Paging a small list read whole: every item once, in key order, across pages, even when items go meanwhile. */
class ListPagesTest {

    static final List<String> ITEMS = List.of("b", "a", "d", "c", "e");

    @Test
    void pages_walk_the_list_in_key_order_and_the_last_has_no_cursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<String> page = ListPages.page(ITEMS, Function.identity(), PageRequest.of(2, cursor));
            seen.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_page_starts_after_the_last_key_handed_out_even_when_that_item_was_deleted() {
        Page<String> first = ListPages.page(ITEMS, Function.identity(), PageRequest.of(2, null));

        Page<String> next = ListPages.page(List.of("a", "c", "d", "e"), Function.identity(),
                PageRequest.of(2, first.nextCursor().orElseThrow()));

        assertThat(next.items()).containsExactly("c", "d");
    }

    @Test
    void a_cursor_not_made_here_is_a_bad_field() {
        for (String bad : List.of("%%%", "x".repeat(500))) {
            assertThatThrownBy(() -> ListPages.page(ITEMS, Function.identity(), PageRequest.of(2, bad)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
        }
    }
}
