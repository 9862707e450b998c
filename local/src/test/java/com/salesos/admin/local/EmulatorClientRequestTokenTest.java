package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The emulator honours TransactWriteItems' ClientRequestToken as DynamoDB does: the SDK retries a
 * transaction that timed out on the client with the same token, and the retry of one that did
 * commit must answer success without applying it again (moto alone re-applies it, and its
 * conditions then fail, which made a large deal move under-count what it moved).
 */
@ExtendWith(LocalAwsExtension.class)
class EmulatorClientRequestTokenTest {

    static LocalAws aws;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
    }

    @Test
    void a_repeated_token_answers_the_committed_transaction_and_writes_nothing_again() {
        TransactWriteItem put = putNew("once");

        aws.dynamo().transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(put));
        aws.dynamo().transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(put));

        assertThatThrownBy(() -> aws.dynamo().transactWriteItems(r -> r.clientRequestToken("token-2").transactItems(put)))
                .isInstanceOf(TransactionCanceledException.class);
        assertThatThrownBy(() -> aws.dynamo().transactWriteItems(r -> r.clientRequestToken("token-1")
                .transactItems(putNew("other")))).isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(key("once"))).item()).isNotEmpty();
        assertThat(aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(key("other"))).item()).isEmpty();
    }

    private static TransactWriteItem putNew(String id) {
        return TransactWriteItem.builder().put(p -> p.tableName(aws.tableName()).item(key(id))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS("TOKEN#" + id), "sk", AttributeValue.fromS("#"));
    }
}
