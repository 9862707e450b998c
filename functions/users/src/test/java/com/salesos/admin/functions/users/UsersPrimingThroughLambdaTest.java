package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The users function's SnapStart priming: through the stack, nothing changed, real answers afterwards. */
@ExtendWith(LocalAwsExtension.class)
class UsersPrimingThroughLambdaTest {

    @Test
    void priming_changes_nothing_and_the_function_answers_afterwards(LocalAws aws, LambdaApi api) {
        User admin = TestWorkspace.on(aws, "ws-priming-users").name("Priming Users").tier("team").seatLimit(10)
                .admin().build().admin();
        List<Map<String, AttributeValue>> itemsBefore = aws.dynamo().scan(r -> r.tableName(aws.tableName())).items();

        List<Integer> statuses = api.prime();

        // UsersPriming's order: health answers, then refusals (no token, then an unknown subject).
        assertThat(statuses).hasSize(new UsersPriming().requests().size());
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses.subList(1, statuses.size())).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(aws.dynamo().scan(r -> r.tableName(aws.tableName())).items()).isEqualTo(itemsBefore);

        LambdaApi.Response me = api.call("GET", "/v1/me", null, admin.subject());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(admin.id());
    }
}
