package com.salesos.admin.functions.invites;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A cold start pays only for what its request uses (issue 14): the accept route validates its body
 * before any read, so an invalid accept is answered without building the DynamoDB client; the first
 * accept that reaches the store builds it.
 */
@ExtendWith(LocalAwsExtension.class)
class InvalidAcceptColdPathThroughLambdaTest {

    @Test
    void an_invalid_accept_is_answered_without_building_the_dynamodb_client(LambdaApi api) {
        LambdaApi.Response invalid = api.call("POST", "/v1/invitations/accept", "{}", null);

        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(api.built(DynamoDbClient.class)).isFalse();

        LambdaApi.Response unknown = api.call("POST", "/v1/invitations/accept",
                "{\"token\":\"no-such-token\",\"password\":\"Cold-Path-Passw0rd!\"}", null);

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(api.built(DynamoDbClient.class)).isTrue();
    }
}
