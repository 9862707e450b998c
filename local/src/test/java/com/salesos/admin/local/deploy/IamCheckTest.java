package com.salesos.admin.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IAM check itself, on mistakes planted in copies of template.yaml and in recorded calls: each
 * produces a finding that names the function and the fix, and disappears without the mistake.
 */
class IamCheckTest {

    static final String USER_POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/UserPool";
    static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/AdminTable";

    static RecordedCall call(String function, String action, String resource) {
        return new RecordedCall(function, "CODE", "Planted." + action, action, resource, "PlantedTest");
    }

    @Test
    void a_call_the_policy_does_not_allow_names_the_function_and_the_statement_to_add() {
        List<RecordedCall> calls = List.of(call("InvitesFunction", "cognito-idp:AdminDeleteUser", USER_POOL));
        String planted = DeployRulesTest.TEMPLATE.replaceFirst(
                "\n {16}# Closes an account a refused accept opened, and an interrupted accept's leftover.\n {16}- cognito-idp:AdminDeleteUser", "");
        assertThat(planted).isNotEqualTo(DeployRulesTest.TEMPLATE);

        assertThat(denied(new IamCheck(TransformedTemplate.ofRepository(), calls, List.of()).findings())).isEmpty();
        assertThat(denied(new IamCheck(TransformedTemplate.ofText(planted), calls, List.of()).findings())).singleElement()
                .satisfies(f -> {
                    assertThat(f.resource()).isEqualTo("InvitesFunction");
                    assertThat(f.problem()).contains("AccessDenied");
                    assertThat(f.fix()).isEqualTo("add cognito-idp:AdminDeleteUser on !GetAtt UserPool.Arn to the Policies of"
                            + " InvitesFunction in template.yaml");
                });
    }

    @Test
    void a_call_on_a_resource_outside_the_policy_is_denied_too() {
        List<RecordedCall> calls = List.of(call("PlansFunction", "dynamodb:Query", TABLE + "/index/gsi1"));
        assertThat(denied(new IamCheck(TransformedTemplate.ofRepository(), calls, List.of()).findings())).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo(
                        "add dynamodb:Query on !Sub ${AdminTable.Arn}/index/gsi1 to the Policies of PlansFunction in template.yaml"));
    }

    @Test
    void a_granted_action_no_test_exercises_names_the_function_and_says_remove_it() {
        // The first statement with the table and its index is the invites function's.
        String planted = DeployRulesTest.TEMPLATE.replaceFirst("(?m)^( {16})- dynamodb:Query\n( {14}Resource:\n {16}- !GetAtt AdminTable.Arn\n {16}- !Sub \\$\\{AdminTable.Arn}/index/gsi1)",
                "$1- dynamodb:Query\n$1- dynamodb:Scan\n$2");
        assertThat(planted).isNotEqualTo(DeployRulesTest.TEMPLATE);

        assertThat(unused(new IamCheck(TransformedTemplate.ofRepository(), List.of(), List.of()).findings(), "dynamodb:Scan")).isEmpty();
        assertThat(unused(new IamCheck(TransformedTemplate.ofText(planted), List.of(), List.of()).findings(), "dynamodb:Scan"))
                .singleElement().satisfies(f -> {
                    assertThat(f.resource()).isEqualTo("InvitesFunction");
                    assertThat(f.fix()).startsWith("remove dynamodb:Scan from the Policies of InvitesFunction in template.yaml");
                });
    }

    @Test
    void a_listed_reason_excuses_an_unexercised_grant_only_while_no_test_makes_the_call() {
        Unexercisable reason = new Unexercisable("UsersFunction", "cognito-idp:AdminEnableUser", "planted reason");
        TransformedTemplate template = TransformedTemplate.ofRepository();

        assertThat(unused(new IamCheck(template, List.of(), List.of()).findings(), "cognito-idp:AdminEnableUser")).hasSize(1);
        assertThat(unused(new IamCheck(template, List.of(), List.of(reason)).findings(), "cognito-idp:AdminEnableUser")).isEmpty();
        List<RecordedCall> exercised = List.of(call("UsersFunction", "cognito-idp:AdminEnableUser", USER_POOL));
        assertThat(new IamCheck(template, exercised, List.of(reason)).findings())
                .anySatisfy(f -> assertThat(f.fix()).isEqualTo("remove that entry from Unexercisable"));
    }

    @Test
    void event_source_calls_are_allowed_by_the_managed_policy_sam_attaches_and_only_to_functions_with_an_sqs_source() {
        String queue = "arn:aws:sqs:us-east-1:123456789012:ExportQueue";
        List<RecordedCall> polling = List.of(
                new RecordedCall("ExportWorkerFunction", "EVENT_SOURCE", "Sqs.ReceiveMessage", "sqs:ReceiveMessage", queue, "PlantedTest"),
                new RecordedCall("ExportsFunction", "EVENT_SOURCE", "Sqs.ReceiveMessage", "sqs:ReceiveMessage", queue, "PlantedTest"));
        assertThat(denied(new IamCheck(TransformedTemplate.ofRepository(), polling, List.of()).findings()))
                .extracting(Finding::resource).containsExactly("ExportsFunction");
    }

    private static List<Finding> denied(List<Finding> findings) {
        return findings.stream().filter(f -> f.problem().contains("does not allow")).toList();
    }

    private static List<Finding> unused(List<Finding> findings, String action) {
        return findings.stream().filter(f -> f.problem().startsWith("its policy grants " + action + " ")).toList();
    }
}
