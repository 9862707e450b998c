package com.salesos.admin.support;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.invites.AccountDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes an executed workspace in the background. Safe to run any number of times for the same
 * request (a redelivered message, a retry after a crash): every step removes what is left, and a
 * request already done is left alone. Accounts go first because they are found through the user
 * items that the store step removes.
 */
public final class DeletionWorker {

    private final DeletionRequestStore requests;
    private final WorkspacePurge purge;
    private final AccountDirectory accounts;
    private final Clock clock;

    public DeletionWorker(DeletionRequestStore requests, WorkspacePurge purge, AccountDirectory accounts, Clock clock) {
        this.requests = requests;
        this.purge = purge;
        this.accounts = accounts;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Finished(long accounts, long objects, long items) implements Outcome {
        }

        record Skipped(String why) implements Outcome {
        }
    }

    public Outcome run(String requestId) {
        Optional<DeletionRequest> found = requests.find(requestId);
        if (found.isEmpty()) {
            return new Outcome.Skipped("no such deletion request");
        }
        DeletionRequest running = found.get();
        if (!(running.state() instanceof DeletionState.Running)) {
            // Done already (a redelivery), or never executed: nothing to delete.
            return new Outcome.Skipped("request is " + running.state().code());
        }
        String workspaceId = running.workspaceId();
        List<WorkspacePurge.Account> users = purge.accounts(workspaceId);
        users.forEach(account -> accounts.close(account.subject(), account.email()));
        long objects = purge.deleteObjects(workspaceId);
        long items = purge.deleteItems(workspaceId);
        Instant now = clock.instant();
        purge.markDeleted(workspaceId, now);
        DeletionRequest done = running.finished(now);
        // Counts, ids and the ticket only: this is the one record of the workspace that stays.
        AuditEvent audit = new AuditEvent(workspaceId, "system:deletion-worker", "workspace.deletion.done",
                "deletion-request", running.id(), now, Map.of("state", running.state().code()),
                Map.of("state", done.state().code(), "ticket", running.ticket(), "accountsDeleted", users.size(),
                        "objectsDeleted", objects, "itemsDeleted", items));
        if (!requests.replace(running, done, audit)) {
            return new Outcome.Skipped("finished by another run");
        }
        return new Outcome.Finished(users.size(), objects, items);
    }
}
