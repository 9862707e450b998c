package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What LayeringTest's rule on emulator-only operations reads from slim/: the rule is only as good as this list. */
class EmulatorOnlyOperationsTest {

    @Test
    void the_operations_kept_for_the_emulator_are_read_from_each_keep_file_and_the_functions_ones_are_not() {
        Map<String, Set<String>> operations = EmulatorOnlyOperations.ofRepository();

        assertThat(operations.get("software.amazon.awssdk.services.dynamodb.DynamoDbClient")).contains("scan")
                .doesNotContain("getItem", "transactWriteItems");
        assertThat(operations.get("software.amazon.awssdk.services.sqs.SqsClient")).contains("receiveMessage", "purgeQueue")
                .doesNotContain("sendMessage");
        assertThat(operations.get("software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient"))
                .contains("createUserPool", "initiateAuth").doesNotContain("adminDisableUser");
        assertThat(operations).containsKeys("software.amazon.awssdk.services.s3.S3Client",
                "software.amazon.awssdk.services.sesv2.SesV2Client", "software.amazon.awssdk.services.kms.KmsClient");
    }
}
