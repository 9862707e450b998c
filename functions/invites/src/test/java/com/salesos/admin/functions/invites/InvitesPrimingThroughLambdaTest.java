package com.salesos.admin.functions.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SnapStart priming (what Lambda runs before the snapshot) goes through the whole handler and
 * leaves no trace: no item, no email, no account; and the function answers for real afterwards.
 */
@ExtendWith(LocalAwsExtension.class)
class InvitesPrimingThroughLambdaTest {

    @Test
    void priming_runs_every_request_through_the_stack_and_changes_nothing(LocalAws aws, LambdaApi api, SentEmails emails) {
        User admin = TestWorkspace.on(aws, "ws-priming").name("Priming Co").tier("team").seatLimit(10)
                .admin().build().admin();
        List<Map<String, AttributeValue>> itemsBefore = aws.dynamo().scan(r -> r.tableName(aws.tableName())).items();
        int emailsBefore = emails.all().size();
        int accountsBefore = aws.clients().cognito().listUsers(r -> r.userPoolId(aws.userPoolId())).users().size();

        List<Integer> statuses = api.prime();

        // In InvitesPriming's order: an invalid accept (body binding, 422), an accept whose token the
        // offline store does not know, refusals by the access filter after its (offline) lookup.
        assertThat(statuses).hasSize(new InvitesPriming().requests().size());
        assertThat(statuses.get(0)).isEqualTo(422);
        assertThat(statuses.get(2)).isEqualTo(401);
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(aws.dynamo().scan(r -> r.tableName(aws.tableName())).items()).isEqualTo(itemsBefore);
        assertThat(emails.all()).hasSize(emailsBefore);
        assertThat(aws.clients().cognito().listUsers(r -> r.userPoolId(aws.userPoolId())).users()).hasSize(accountsBefore);

        LambdaApi.Response invited = api.call("POST", "/v1/invitations",
                "{\"email\":\"after.priming@example.com\",\"name\":\"After Priming\",\"role\":\"sales-rep\"}", admin.subject());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(emails.to("after.priming@example.com")).hasSize(1);
    }
}
