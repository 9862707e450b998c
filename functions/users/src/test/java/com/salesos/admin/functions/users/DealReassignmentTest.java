package com.salesos.admin.functions.users;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Moving deals between owners: a listed subset, a retry after a crash, and who may receive them. */
@ExtendWith(LocalAwsExtension.class)
class DealReassignmentTest {

    static final String WS = "ws-deals";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        admin = TestWorkspace.on(aws, WS).name("Deals Inc").tier("team").seatLimit(10)
                .user("usr_admin", "admin@deals.test", "Admin", "admin")
                .user("usr_from", "from@deals.test", "From", "sales-rep")
                .user("usr_to", "to@deals.test", "To", "sales-rep")
                .user("usr_gone", "gone@deals.test", "Gone", "sales-rep")
                .build().user("usr_admin");
        api = lambda;
        api.call("POST", "/v1/users/usr_gone/deactivate", null, admin.subject());
    }

    @Test
    void all_deals_of_a_deactivated_user_move_and_a_retry_after_a_crash_moves_exactly_the_rest() {
        DealFixtures.seed(aws, WS, "crash", 300, "usr_gone");
        // A first attempt moved 120 deals, then the process died before answering.
        for (int i = 0; i < 120; i++) {
            setOwner("crash-" + i, "usr_to");
        }

        var retry = api.call("POST", "/v1/users/usr_gone/reassign-deals", json("toUserId", "usr_to"), admin.subject());

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("moved").asInt()).isEqualTo(180);
        assertThat(countOwnedBy("usr_gone", "crash-")).isZero();
        assertThat(countOwnedBy("usr_to", "crash-")).isEqualTo(300);
        var again = api.call("POST", "/v1/users/usr_gone/reassign-deals", json("toUserId", "usr_to"), admin.subject());
        assertThat(again.json().path("moved").asInt()).isZero();
    }

    @Test
    void all_deals_of_a_user_who_owns_none_is_answered_at_once_with_nothing_moved() {
        DealFixtures.seed(aws, WS, "someone-elses", 50, "usr_from");

        var response = api.call("POST", "/v1/users/usr_to/reassign-deals", json("toUserId", "usr_from"), admin.subject());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("moved").asInt()).isZero();
        assertThat(countOwnedBy("usr_from", "someone-elses-")).isEqualTo(50);
    }

    @Test
    void a_listed_subset_moves_and_deals_not_owned_are_reported_not_moved() {
        DealFixtures.seed(aws, WS, "subset", 3, "usr_from");
        setOwner("subset-2", "usr_admin");

        var response = api.call("POST", "/v1/users/usr_from/reassign-deals",
                json("toUserId", "usr_to", "dealIds", List.of("subset-0", "subset-1", "subset-2", "no-such-deal")), admin.subject());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("moved").asInt()).isEqualTo(2);
        assertThat(response.json().path("notMoved").toString()).contains("subset-2", "no-such-deal");
        assertThat(owner("subset-2")).isEqualTo("usr_admin");
    }

    @Test
    void deals_go_only_to_an_active_user_of_the_same_workspace() {
        DealFixtures.seed(aws, WS, "guard", 2, "usr_from");
        for (String target : new String[] {"usr_gone", "usr_nobody", "usr_from"}) {
            var refused = api.call("POST", "/v1/users/usr_from/reassign-deals", json("toUserId", target), admin.subject());
            assertThat(refused.status()).as(target).isEqualTo(422);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("toUserId");
        }
        assertThat(owner("guard-0")).isEqualTo("usr_from");
    }

    private static void setOwner(String dealId, String owner) {
        aws.dynamo().updateItem(r -> r.tableName(aws.tableName()).key(key(dealId))
                .updateExpression("SET ownerUserId = :o").expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner))));
    }

    private static String owner(String dealId) {
        return aws.dynamo().getItem(r -> r.tableName(aws.tableName()).key(key(dealId))).item().get("ownerUserId").s();
    }

    private static Map<String, AttributeValue> key(String dealId) {
        return Map.of("pk", AttributeValue.fromS("WS#" + WS), "sk", AttributeValue.fromS("DEAL#" + dealId));
    }

    private static long countOwnedBy(String owner, String prefix) {
        return DealFixtures.countOwnedBy(aws, WS, owner, prefix);
    }
}
