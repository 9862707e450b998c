package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.local.EnvironmentChecker.Reads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment checker itself, on template snippets with a mistake of each kind planted. */
class EnvironmentCheckerTest {

    private static final String GLOBALS = """
            Globals:
              Function:
                Environment:
                  Variables:
                    TABLE_NAME: !Ref AdminTable
                    JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1
            """;

    private final EnvironmentChecker checker = new EnvironmentChecker(Map.of(
            "MailFunction", new Reads("MailSettings", List.of("TABLE_NAME", "SENDER_ADDRESS")),
            "QuietFunction", new Reads("QuietSettings", List.of("TABLE_NAME"))),
            List.of("JAVA_TOOL_OPTIONS"));

    @Test
    void a_template_that_sets_exactly_what_each_function_reads_has_no_mistakes() {
        SamTemplate template = SamTemplate.parse(GLOBALS + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          SENDER_ADDRESS: !Ref SenderAddress
                  QuietFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: quiet.Handler
                """);

        assertThat(checker.mistakes(template)).isEmpty();
    }

    @Test
    void a_variable_read_but_not_set_names_the_function_and_says_to_add_it() {
        SamTemplate template = SamTemplate.parse(GLOBALS + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: mail.Handler
                  QuietFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: quiet.Handler
                """);

        assertThat(checker.mistakes(template)).containsExactly(
                "MailFunction: MailSettings reads SENDER_ADDRESS but template.yaml does not set it:"
                        + " add SENDER_ADDRESS to Environment of MailFunction in template.yaml");
    }

    @Test
    void a_variable_set_but_not_read_names_the_function_and_says_to_remove_it() {
        SamTemplate template = SamTemplate.parse(GLOBALS + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          SENDER_ADDRESS: !Ref SenderAddress
                  QuietFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          USER_POOL_ID: !Ref UserPool
                """);

        assertThat(checker.mistakes(template)).containsExactly(
                "QuietFunction: template.yaml sets USER_POOL_ID: remove USER_POOL_ID from Environment of QuietFunction"
                        + " in template.yaml, QuietSettings does not read it");
    }

    @Test
    void a_variable_set_for_every_function_in_globals_but_read_by_one_says_to_move_it_out_of_globals() {
        SamTemplate template = SamTemplate.parse(GLOBALS.replace("TABLE_NAME: !Ref AdminTable",
                "TABLE_NAME: !Ref AdminTable\n        SENDER_ADDRESS: !Ref SenderAddress") + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: mail.Handler
                  QuietFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: quiet.Handler
                """);

        assertThat(checker.mistakes(template)).containsExactly(
                "QuietFunction: template.yaml sets SENDER_ADDRESS for every function in Globals: remove SENDER_ADDRESS"
                        + " from Globals in template.yaml and add it to Environment of the functions that read it,"
                        + " QuietSettings does not read it");
    }

    @Test
    void both_kinds_in_one_template_are_all_reported() {
        SamTemplate template = SamTemplate.parse(GLOBALS + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          APP_URL: !Ref AppUrl
                  QuietFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: quiet.Handler
                """);

        assertThat(checker.mistakes(template)).containsExactlyInAnyOrder(
                "MailFunction: MailSettings reads SENDER_ADDRESS but template.yaml does not set it:"
                        + " add SENDER_ADDRESS to Environment of MailFunction in template.yaml",
                "MailFunction: template.yaml sets APP_URL: remove APP_URL from Environment of MailFunction"
                        + " in template.yaml, MailSettings does not read it");
    }

    @Test
    void a_function_without_a_settings_record_and_a_record_without_a_function_are_reported() {
        SamTemplate template = SamTemplate.parse(GLOBALS + """
                Resources:
                  MailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          SENDER_ADDRESS: !Ref SenderAddress
                  NewFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: fresh.Handler
                """);

        assertThat(checker.mistakes(template)).containsExactly(
                "NewFunction has no settings record in the environment contract: add its settings record's VARIABLES"
                        + " for NewFunction to EnvironmentContractTest",
                "QuietFunction is in the environment contract but not in template.yaml: remove it from EnvironmentContractTest");
    }
}
