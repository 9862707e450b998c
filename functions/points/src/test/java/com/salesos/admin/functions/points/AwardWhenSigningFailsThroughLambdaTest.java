package com.salesos.admin.functions.points;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * KMS unreachable (its own endpoint points at a closed port) when an activity earns a badge: the
 * activity stays booked once, no award is made without its signed credential, and the CRM's retry
 * of the same activity finishes the award, once.
 */
@ExtendWith(LocalAwsExtension.class)
class AwardWhenSigningFailsThroughLambdaTest {

    static final String WS = "ws-kms-down";
    static final String KMS_ENDPOINT = "AWS_ENDPOINT_URL_KMS";
    static LocalAws aws;
    static LambdaApi healthy;
    static LambdaApi kmsDown;
    static User admin;
    static CrmAccount crm;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace kms = TestWorkspace.on(aws, WS).name("KMS Down").tier("team").seatLimit(5)
                .user("usr_admin", "admin@kms.test", "Admin", "admin")
                .user("usr_rep", "rep@kms.test", "Rep", "sales-rep")
                .crm()
                .build();
        admin = kms.user("usr_admin");
        crm = kms.crm();
        healthy = lambda;
        // Not the extension's handle: this one is built while KMS's endpoint points at a closed port.
        System.setProperty(KMS_ENDPOINT, "http://127.0.0.1:" + MotoServer.freePort());
        try {
            kmsDown = new LambdaApi();
        } finally {
            System.clearProperty(KMS_ENDPOINT);
        }
    }

    @AfterAll
    static void tearDown() {
        kmsDown.close();
    }

    @Test
    void a_retried_activity_finishes_the_award_that_signing_could_not() {
        String won = json("id", "won-1", "userId", "usr_rep", "type", "DEAL_WON",
                "occurredAt", Instant.now().minusSeconds(60).toString());

        var failed = kmsDown.callAs(crm, "POST", "/v1/gamification/activities", won);
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().path("type").asText()).endsWith("/signing-unavailable");
        assertThat(awards()).isZero();

        var retried = healthy.callAs(crm, "POST", "/v1/gamification/activities", won);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().path("badgesAwarded").toString()).contains("first-deal-won");
        assertThat(awards()).isEqualTo(1);
        var ledger = healthy.call("GET", "/v1/users/usr_rep/points", null, admin.subject()).json().path("items");
        assertThat(ledger.findValuesAsText("activityId").stream().filter("won-1"::equals).count())
                .as("the activity is booked once").isEqualTo(1);
        assertThat(ledger.findValuesAsText("badgeId").stream().filter("first-deal-won"::equals).count())
                .as("the reward is booked once").isEqualTo(1);

        var again = healthy.callAs(crm, "POST", "/v1/gamification/activities", won);
        assertThat(again.json().path("badgesAwarded").size()).isZero();
        assertThat(awards()).isEqualTo(1);
    }

    private static int awards() {
        return healthy.call("GET", "/v1/gamification/awards?userId=usr_rep", null, admin.subject())
                .json().path("items").size();
    }
}
