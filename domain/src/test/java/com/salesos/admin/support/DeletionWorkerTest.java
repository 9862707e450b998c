package com.salesos.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.AccountDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The background deletion: accounts before the items that find them, resumable, done once. */
class DeletionWorkerTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final Clock clock = Clock.fixed(T0.plus(Duration.ofDays(4)), ZoneOffset.UTC);
    final WorkspaceDeletionTest.InMemoryRequests requests = new WorkspaceDeletionTest.InMemoryRequests();
    final List<String> steps = new ArrayList<>();
    final Map<String, List<String>> itemsLeft = new java.util.HashMap<>(Map.of("ws-1", new ArrayList<>(List.of("a", "b", "c"))));
    final List<String> accountsLeft = new ArrayList<>(List.of("sub-1", "sub-2"));
    boolean crashOnItems;

    final WorkspacePurge purge = new WorkspacePurge() {
        public List<Account> accounts(String workspaceId) {
            steps.add("accounts");
            // Found through the user items: none once the items are gone.
            return itemsLeft.get(workspaceId).isEmpty() ? List.of()
                    : accountsLeft.stream().map(s -> new Account(s, EmailAddress.parse(s + "@x.test").orElseThrow())).toList();
        }

        public long deleteObjects(String workspaceId) {
            steps.add("objects");
            return 0;
        }

        public long deleteItems(String workspaceId) {
            steps.add("items");
            List<String> left = itemsLeft.get(workspaceId);
            if (crashOnItems) {
                left.remove(0);
                throw new IllegalStateException("crash halfway");
            }
            long n = left.size();
            left.clear();
            return n;
        }

        public void markDeleted(String workspaceId, Instant at) {
            steps.add("tombstone");
        }
    };
    final AccountDirectory accounts = new AccountDirectory() {
        public Opening open(EmailAddress email, String password, Optional<String> invitationId) {
            throw new AssertionError("the worker opens no account");
        }

        public void close(String subject, EmailAddress email) {
            accountsLeft.remove(subject);
        }
    };
    final DeletionWorker worker = new DeletionWorker(requests, purge, accounts, clock);

    DeletionRequest running() {
        DeletionRequest open = DeletionRequest.open("del_1", "ws-1", "SUP-1", "left", "support:s1", T0);
        requests.open(open, audit(open));
        DeletionRequest confirmed = open.confirmedBy("usr_admin", T0, Duration.ofHours(72));
        requests.replace(open, confirmed, audit(confirmed));
        DeletionRequest running = confirmed.executedBy("support:s1", "ws-1", T0.plus(Duration.ofHours(72)));
        requests.replace(confirmed, running, audit(running));
        return running;
    }

    static AuditEvent audit(DeletionRequest r) {
        return new AuditEvent(r.workspaceId(), "test", "test", "deletion-request", r.id(), T0, Map.of(), Map.of());
    }

    @Test
    void accounts_go_before_the_items_that_find_them_and_the_request_ends_done_with_an_audit_record_of_counts() {
        running();

        var outcome = worker.run("del_1");

        assertThat(outcome).isEqualTo(new DeletionWorker.Outcome.Finished(2, 0, 3));
        assertThat(steps).containsExactly("accounts", "objects", "items", "tombstone");
        assertThat(accountsLeft).isEmpty();
        assertThat(requests.find("del_1").orElseThrow().state()).isEqualTo(new DeletionState.Done(clock.instant()));
        AuditEvent last = requests.audits.get(requests.audits.size() - 1);
        assertThat(last.action()).isEqualTo("workspace.deletion.done");
        assertThat(Map.<String, Object>copyOf(last.after())).containsEntry("itemsDeleted", 3L).containsEntry("ticket", "SUP-1");
        assertThat(requests.lockOf("ws-1")).isEmpty();
    }

    @Test
    void a_run_that_crashed_halfway_is_finished_by_the_next_and_a_redelivery_after_that_does_nothing() {
        running();
        crashOnItems = true;
        assertThatThrownBy(() -> worker.run("del_1")).isInstanceOf(IllegalStateException.class);
        assertThat(requests.lockOf("ws-1")).as("still read-only while unfinished").contains("del_1");

        crashOnItems = false;
        assertThat(worker.run("del_1")).isEqualTo(new DeletionWorker.Outcome.Finished(0, 0, 2));
        assertThat(worker.run("del_1")).isEqualTo(new DeletionWorker.Outcome.Skipped("request is done"));
        assertThat(itemsLeft.get("ws-1")).isEmpty();
    }

    @Test
    void a_request_that_was_not_executed_deletes_nothing() {
        DeletionRequest open = DeletionRequest.open("del_2", "ws-1", "SUP-1", "left", "support:s1", T0);
        requests.open(open, audit(open));

        assertThat(worker.run("del_2")).isEqualTo(new DeletionWorker.Outcome.Skipped("request is open"));
        assertThat(worker.run("del_nope")).isInstanceOf(DeletionWorker.Outcome.Skipped.class);
        assertThat(steps).isEmpty();
    }
}
