package com.salesos.admin.functions.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.CapturedLogs;
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
 * The SnapStart priming (what Lambda runs before the snapshot) goes through the whole handler, an
 * invitation's success path included, and leaves no trace: no item, no email, no account, no
 * metric; and the function answers for real afterwards.
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

        List<List<Integer>> statuses = new java.util.ArrayList<>();
        CapturedLogs priming = CapturedLogs.during(() -> statuses.add(api.prime()));

        // In InvitesPriming's order: an invalid accept (body binding, 422); an accept whose token the
        // offline store does not know (404); an anonymous list (401); then, as the made-up Admin the
        // offline caller lookup finds, a list (200), an invitation through the use case, its
        // transaction and SES (201), and a resend of an invitation the offline store does not have (404).
        assertThat(new InvitesPriming().requests()).hasSize(6);
        assertThat(statuses.get(0)).containsExactly(422, 404, 401, 200, 201, 404);
        // The invitation the priming made up was "sent" (InvitationsSent), but no metric line was written.
        assertThat(priming.metrics()).isEmpty();
        assertThat(aws.dynamo().scan(r -> r.tableName(aws.tableName())).items()).isEqualTo(itemsBefore);
        assertThat(emails.all()).hasSize(emailsBefore);
        assertThat(aws.clients().cognito().listUsers(r -> r.userPoolId(aws.userPoolId())).users()).hasSize(accountsBefore);

        LambdaApi.Response[] invited = new LambdaApi.Response[1];
        CapturedLogs after = CapturedLogs.during(() -> invited[0] = api.call("POST", "/v1/invitations",
                "{\"email\":\"after.priming@example.com\",\"name\":\"After Priming\",\"role\":\"sales-rep\"}", admin.subject()));
        assertThat(invited[0].status()).as(invited[0].body()).isEqualTo(201);
        assertThat(emails.to("after.priming@example.com")).hasSize(1);
        // Real requests after the priming are counted again.
        assertThat(after.metric("InvitationsSent")).containsExactly(1L);
    }
}
