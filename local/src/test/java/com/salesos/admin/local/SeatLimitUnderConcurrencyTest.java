package com.salesos.admin.local;

import static com.salesos.admin.local.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.seats.Seats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The seat invariant holds when many admins invite at the same moment. */
@ExtendWith(LocalAwsExtension.class)
class SeatLimitUnderConcurrencyTest {

    static final String WS = "ws-race";
    static LocalAws aws;
    static LocalServer server;
    static HttpApi api;
    static String adminToken;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        adminToken = TestWorkspace.on(aws, WS).name("Race").tier("team").seatLimit(11)
                .user("usr_race_admin", "admin@race.test", "Admin", "admin")
                .build().accessToken("usr_race_admin");
        server = LocalServer.start(aws.stack(), MotoServer.freePort());
        api = new HttpApi(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fifty_concurrent_invitations_for_ten_free_seats_create_exactly_ten() throws Exception {
        List<Integer> statuses = HttpApi.atOnce(50, i -> () -> api.send("POST", "/v1/invitations",
                json("email", "racer" + i + "@example.com", "name", "Racer " + i, "role", "sales-rep"), adminToken))
                .stream().map(HttpApi.Response::status).toList();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        Seats counters = new DynamoSeatLedger(aws.dynamo(), aws.tableName()).read(WS);
        assertThat(counters.used()).isEqualTo(11);
        assertThat(counters.active()).isEqualTo(recount("USER#", "ACTIVE"));
        assertThat(counters.pending()).isEqualTo(recount("INVITATION#", "PENDING"));
        assertThat(counters.pending()).isEqualTo(10);
    }

    /** Counts the items themselves, independent of the counters. */
    private static long recount(String prefix, String status) {
        return aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + WS), ":s", AttributeValue.fromS(prefix))))
                .items().stream().filter(i -> status.equals(i.get("status").s())).count();
    }
}
