package com.salesos.admin.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.aws.clients.AwsEndpoints;
import com.salesos.admin.config.FunctionSettings;
import com.salesos.admin.config.SharedSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the shared wiring takes as the shared settings. These pin the behaviour the comparison must
 * keep (the earlier distinct() over the records passed them too); what changed is only that one
 * function's record is no longer hashed (docs/benchmarks.md, "Construction and SnapStart priming").
 */
class SharedSettingsWiringTest {

    private static final AwsEndpoints AWS = new AwsEndpoints("eu-west-1", Optional.empty(), Map.of());

    private final AdminBeans wiring = new AdminBeans();

    @Test
    void a_context_with_one_function_takes_that_functions_shared_part() {
        SharedSettings shared = new SharedSettings("admin-table", AWS);

        assertThat(wiring.sharedSettings(List.of(() -> shared))).isSameAs(shared);
    }

    @Test
    void functions_that_agree_share_their_part() {
        FunctionSettings invites = () -> new SharedSettings("admin-table", AWS);
        FunctionSettings users = () -> new SharedSettings("admin-table", AWS);

        assertThat(wiring.sharedSettings(List.of(invites, users)).tableName()).isEqualTo("admin-table");
    }

    @Test
    void functions_that_disagree_stop_the_context_naming_both_parts() {
        FunctionSettings invites = () -> new SharedSettings("admin-table", AWS);
        FunctionSettings users = () -> new SharedSettings("other-table", AWS);

        assertThatThrownBy(() -> wiring.sharedSettings(List.of(invites, users)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin-table").hasMessageContaining("other-table");
    }
}
