package com.salesos.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.problems.DomainException;
import org.junit.jupiter.api.Test;

class QueryFiltersTest {

    @Test
    void a_choice_is_read_in_any_case_and_absent_or_blank_filters_nothing() {
        assertThat(QueryFilters.choice("status", " Active ", UserStatus.class, "rule")).contains(UserStatus.ACTIVE);
        assertThat(QueryFilters.choice("status", null, UserStatus.class, "rule")).isEmpty();
        assertThat(QueryFilters.choice("status", " ", UserStatus.class, "rule")).isEmpty();
    }

    @Test
    void a_value_that_names_no_choice_is_invalid_input_on_that_field() {
        assertThatThrownBy(() -> QueryFilters.choice("status", "gone", UserStatus.class, "must be active or deactivated"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-input");
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("status");
                        assertThat(f.message()).isEqualTo("must be active or deactivated");
                    });
                });
    }
}
