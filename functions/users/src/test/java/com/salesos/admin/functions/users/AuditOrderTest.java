package com.salesos.admin.functions.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log is read newest first by its sort key, so the key must sort as time does. */
class AuditOrderTest {

    static final String WS = "ws-audit-order";
    static LocalAws aws;
    static LambdaApi api;
    static User admin;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        aws.workspaces().createWorkspace(WS, "Audit Order", "team", 10);
        admin = aws.workspaces().addUser(WS, "usr_ao_admin", "admin@ao.test", "Admin", "admin", null, "Correct-Horse-9-Battery");
        api = new LambdaApi();
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    @Test
    void entries_within_one_second_come_out_newest_first() {
        // Far in the future, so these two are the newest entries of the workspace.
        Instant wholeSecond = Instant.parse("2999-01-01T00:00:00Z");
        write("team.renamed", wholeSecond);
        write("team.deleted", wholeSecond.plusMillis(1));
        write("team.restored", wholeSecond.plusMillis(10));

        var page = api.call("GET", "/v1/audit-log?limit=3", null, admin.subject());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        page.json().path("items").forEach(item -> actions.add(item.path("action").asText()));
        assertThat(actions).containsExactly("team.restored", "team.deleted", "team.renamed");
    }

    private static void write(String action, Instant at) {
        DynamoAuditLog log = new DynamoAuditLog(aws.tableName(), prefix -> prefix + "_" + action);
        aws.dynamo().transactWriteItems(r -> r.transactItems(log.append(new AuditEvent(WS, admin.id(), action, "team",
                "team-1", at, Map.of(), Map.of()))));
    }
}
