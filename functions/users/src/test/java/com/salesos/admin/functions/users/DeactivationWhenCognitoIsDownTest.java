package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Cognito unreachable (its endpoint points at a closed port, the rest of AWS works): the
 * deactivation holds in SalesOS at once, the caller is told to repeat, and the repeat finishes the
 * job at Cognito without freeing a second seat.
 */
@ExtendWith(LocalAwsExtension.class)
class DeactivationWhenCognitoIsDownTest {

    static final String WS = "ws-down";
    static final String COGNITO_ENDPOINT = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";
    static LocalAws aws;
    static LambdaApi healthy;
    static LambdaApi cognitoDown;
    static User admin;
    static User leaver;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace down = TestWorkspace.on(aws, WS).name("Down Inc").tier("team").seatLimit(5)
                .user("usr_admin", "admin@down.test", "Admin", "admin")
                .user("usr_leaver", "leaver@down.test", "Leaver", "sales-rep")
                .build();
        admin = down.user("usr_admin");
        leaver = down.user("usr_leaver");
        healthy = lambda;
        // Not the extension's handle: this one is built while Cognito's endpoint points at a closed port.
        System.setProperty(COGNITO_ENDPOINT, "http://127.0.0.1:" + MotoServer.freePort());
        try {
            cognitoDown = new LambdaApi();
        } finally {
            System.clearProperty(COGNITO_ENDPOINT);
        }
    }

    @AfterAll
    static void tearDown() {
        cognitoDown.close();
    }

    @Test
    void a_failed_sign_in_block_leaves_the_user_deactivated_and_a_repeat_finishes_it() {
        long activeBefore = activeSeats();

        var failed = cognitoDown.call("POST", "/v1/users/usr_leaver/deactivate", null, admin.subject());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().path("type").asText()).endsWith("/identity-provider-unavailable");
        assertThat(activeSeats()).isEqualTo(activeBefore - 1);
        assertThat(healthy.call("GET", "/v1/me", null, leaver.subject()).status()).isEqualTo(403);
        assertThat(cognitoEnabled()).isTrue();

        var repeated = healthy.call("POST", "/v1/users/usr_leaver/deactivate", null, admin.subject());

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(cognitoEnabled()).isFalse();
        assertThat(activeSeats()).isEqualTo(activeBefore - 1);
    }

    private static long activeSeats() {
        return new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(WS).active();
    }

    private static boolean cognitoEnabled() {
        try (CognitoIdentityProviderClient cognito = aws.clients().cognito()) {
            return cognito.adminGetUser(r -> r.userPoolId(aws.userPoolId()).username("leaver@down.test")).enabled();
        }
    }
}
