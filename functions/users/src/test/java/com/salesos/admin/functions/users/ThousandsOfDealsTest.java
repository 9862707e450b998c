package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request moves more than a thousand deals: several pages of the owner listing and a dozen
 * transactions. In a table of its own, because moto copies the whole table for every transaction.
 */
@ExtendWith(LocalAwsExtension.class)
class ThousandsOfDealsTest {

    static final String WS = "ws-big";
    static final int DEALS = 1_050;
    static LocalAws aws;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        admin = TestWorkspace.on(aws, WS).name("Big Deals").tier("team").seatLimit(5)
                .user("usr_admin", "admin@big.test", "Admin", "admin")
                .user("usr_from", "from@big.test", "From", "sales-rep")
                .user("usr_to", "to@big.test", "To", "sales-rep")
                .build().user("usr_admin");
        DealFixtures.seed(aws, WS, "big", DEALS, "usr_from");
        api = lambda;
    }

    @Test
    void over_a_thousand_deals_move_in_one_request_with_an_exact_count_and_audit() {
        var moved = api.call("POST", "/v1/users/usr_from/reassign-deals", json("toUserId", "usr_to"), admin.subject());

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("moved").asInt()).isEqualTo(DEALS);
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_from", "big-")).isZero();
        assertThat(DealFixtures.countOwnedBy(aws, WS, "usr_to", "big-")).isEqualTo(DEALS);
        int audited = 0;
        for (var entry : api.call("GET", "/v1/audit-log?limit=50", null, admin.subject()).json().path("items")) {
            if (entry.path("action").asText().equals("user.deals-reassigned")) {
                audited += entry.path("after").path("count").asInt();
            }
        }
        assertThat(audited).isEqualTo(DEALS);
    }
}
