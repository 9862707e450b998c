package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.support.DeletionRequest;
import com.salesos.admin.users.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While a workspace's deletion is confirmed, every write to it answers 409 naming the request and
 * changes nothing; reads still work, and a cancel makes it writable again. Played on the invites
 * function: the gate is the access filter every function shares.
 */
class WritesWhileDeletingThroughLambdaTest {

    static final String PASSWORD = "Correct-Horse-9-Battery";
    static LocalAws aws;
    static LambdaApi api;
    static DynamoDeletionRequests requests;

    @BeforeAll
    static void setUp() {
        aws = LocalAws.fresh();
        api = new LambdaApi();
        requests = new DynamoDeletionRequests(aws.dynamo(), aws.tableName(),
                new DynamoAuditLog(aws.tableName(), new TimeOrderedIds(Clock.systemUTC(), new SecureRandom())));
    }

    @AfterAll
    static void tearDown() {
        api.close();
    }

    static AuditEvent audit(DeletionRequest request) {
        return new AuditEvent(request.workspaceId(), "support:test", "workspace.deletion.test", "deletion-request",
                request.id(), Instant.now(), Map.of(), Map.of());
    }

    @Test
    void a_confirmed_deletion_makes_every_write_409_naming_the_request_until_it_is_cancelled() {
        aws.workspaces().createWorkspace("ws-ro", "Read Only", "team", 10);
        User admin = aws.workspaces().addUser("ws-ro", "usr_ro_admin", "admin@ro.test", "Admin", "admin", null, PASSWORD);
        DeletionRequest open = DeletionRequest.open("del_ro", "ws-ro", "SUP-1", "test", "support:test", Instant.now());
        requests.open(open, audit(open));
        String invite = json("email", "new@ro.test", "name", "New", "role", "sales-rep");
        assertThat(api.call("POST", "/v1/invitations", invite, admin.subject()).status())
                .as("an open request does not lock yet").isEqualTo(201);

        DeletionRequest confirmed = open.confirmedBy(admin.id(), Instant.now(), Duration.ofHours(72));
        assertThat(requests.replace(open, confirmed, audit(confirmed))).isTrue();
        var refused = api.call("POST", "/v1/invitations", json("email", "late@ro.test", "name", "Late", "role", "sales-rep"),
                admin.subject());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("workspace-being-deleted");
        assertThat(refused.json().path("deletionRequestId").asText()).isEqualTo("del_ro");
        assertThat(api.call("GET", "/v1/invitations", null, admin.subject()).json().path("items")).hasSize(1);

        assertThat(requests.replace(confirmed, confirmed.cancelledBy(admin.id(), Instant.now()), audit(confirmed))).isTrue();
        assertThat(api.call("POST", "/v1/invitations", json("email", "late@ro.test", "name", "Late", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
    }

    @Test
    void another_workspaces_deletion_locks_nothing_here() {
        aws.workspaces().createWorkspace("ws-free", "Free", "team", 10);
        aws.workspaces().createWorkspace("ws-gone", "Gone", "team", 10);
        User admin = aws.workspaces().addUser("ws-free", "usr_free_admin", "admin@free.test", "Admin", "admin", null, PASSWORD);
        DeletionRequest open = DeletionRequest.open("del_gone", "ws-gone", "SUP-2", "test", "support:test", Instant.now());
        requests.open(open, audit(open));
        requests.replace(open, open.confirmedBy("usr_x", Instant.now(), Duration.ofHours(1)), audit(open));

        assertThat(api.call("POST", "/v1/invitations", json("email", "x@free.test", "name", "X", "role", "sales-rep"),
                admin.subject()).status()).isEqualTo(201);
    }
}
