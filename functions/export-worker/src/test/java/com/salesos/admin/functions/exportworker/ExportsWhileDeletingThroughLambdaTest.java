package com.salesos.admin.functions.exportworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoDeletionRequests;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.OnMovableClock;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.support.DeletionRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While a workspace's deletion is confirmed no export starts: a request is refused with 409, and a
 * job queued just before the confirmation is not built; it ends failed (requester told) when the
 * deletion stays, and runs when the deletion is cancelled in time.
 */
@ExtendWith(LocalAwsExtension.class)
class ExportsWhileDeletingThroughLambdaTest {

    static ExportFixture fx;
    static DynamoDeletionRequests requests;

    @BeforeAll
    static void setUp(LocalAws aws, MovableClock clock, @OnMovableClock LambdaApi api, SentEmails emails) {
        fx = new ExportFixture(aws, clock, api, emails);
        requests = new DynamoDeletionRequests(fx.aws.dynamo(), fx.aws.tableName(),
                new DynamoAuditLog(fx.aws.tableName(), new TimeOrderedIds(fx.clock, new SecureRandom())));
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    static DeletionRequest confirmDeletion(String ws, String requestId) {
        DeletionRequest open = DeletionRequest.open(requestId, ws, "SUP-1", "test", "support:s1", Instant.now());
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy("usr_" + ws + "_admin", Instant.now(), Duration.ofHours(72));
        assertThat(requests.replace(open, confirmed, audit(confirmed))).isTrue();
        return confirmed;
    }

    static AuditEvent audit(DeletionRequest r) {
        return new AuditEvent(r.workspaceId(), "support:s1", "test", "deletion-request", r.id(), Instant.now(), Map.of(), Map.of());
    }

    @Test
    void no_export_starts_while_the_deletion_is_confirmed_and_a_queued_one_ends_failed() {
        String admin = fx.admin("ws-exp-del");
        fx.aws.workspaces().addRecord("ws-exp-del", "deal", "deal-1", "usr_ws-exp-del_admin", Map.of("name", "A deal"));
        String queued = fx.requestExport(admin, List.of("deals"));
        confirmDeletion("ws-exp-del", "del_exp");

        var refused = fx.api.call("POST", "/v1/exports", LambdaApi.json("entities", List.of("deals")), admin);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("deletionRequestId").asText()).isEqualTo("del_exp");

        // 5 refused receives (maxReceiveCount), then the dead-letter delivery marks it failed.
        assertThat(fx.driver.drain()).isEqualTo(6);
        assertThat(fx.job(admin, queued).path("status").asText()).isEqualTo("failed");
        assertThat(fx.objectKeys("ws-exp-del")).isEmpty();
        assertThat(fx.emails.to("admin@ws-exp-del.test")).hasSize(1);
    }

    @Test
    void a_queued_export_runs_once_the_deletion_is_cancelled() {
        String admin = fx.admin("ws-exp-cancel");
        String queued = fx.requestExport(admin, List.of("deals"));
        DeletionRequest confirmed = confirmDeletion("ws-exp-cancel", "del_cancel");
        String queueUrl = fx.queueUrl;
        var message = fx.receive();
        assertThat(fx.handler.handleRequest(fx.event(message), null).getBatchItemFailures()).hasSize(1);

        requests.replace(confirmed, confirmed.cancelledBy("usr_ws-exp-cancel_admin", Instant.now()), audit(confirmed));
        fx.sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        fx.driver.drain();

        assertThat(fx.job(admin, queued).path("status").asText()).isEqualTo("succeeded");
    }
}
