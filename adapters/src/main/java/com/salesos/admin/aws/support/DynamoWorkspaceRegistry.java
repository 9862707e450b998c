package com.salesos.admin.aws.support;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.BillingPeriod;
import com.salesos.admin.support.WorkspaceRegistry;
import com.salesos.admin.support.WorkspaceState;
import com.salesos.admin.support.WorkspaceSummary;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Workspaces in the table: the workspace item (its counters, plan and billing period, which every
 * other use case reads and updates) and its entry in support's directory, written together with
 * the audit record and, for a keyed request, the idempotency record.
 */
public final class DynamoWorkspaceRegistry implements WorkspaceRegistry {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoWorkspaceRegistry(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    /** The workspace item a new workspace starts with: nobody in it, its first period starting now. */
    public static Item workspaceItem(WorkspaceSummary workspace) {
        return Item.of(TableKeys.workspace(workspace.id()), TableKeys.WORKSPACE_SK)
                .with("type", "workspace")
                .with("id", workspace.id())
                .with("name", workspace.name())
                .with("tier", workspace.tier())
                .with("seatLimit", workspace.seatLimit())
                .with("planSeatLimit", workspace.seatLimit())
                .with("periodStart", workspace.createdAt())
                .with("periodEnd", BillingPeriod.monthFrom(workspace.createdAt()).end())
                .with("seatsUsed", 0)
                .with("activeUsers", 0)
                .with("pendingInvitations", 0)
                .with("activeAdmins", 0)
                .with("createdAt", workspace.createdAt());
    }

    /** The workspace's line in support's directory (no personal data). */
    public static Item directoryItem(WorkspaceSummary workspace) {
        return Item.of(TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry(workspace.id()))
                .with("type", "workspace-entry")
                .with("id", workspace.id())
                .with("name", workspace.name())
                .with("tier", workspace.tier())
                .with("seatLimit", workspace.seatLimit())
                .with("state", workspace.state().code())
                .with("createdAt", workspace.createdAt());
    }

    @Override
    public Registration register(WorkspaceSummary workspace, AuditEvent audit, Optional<IdempotencyKey> key) {
        Steps steps = new Steps()
                .add("workspace", Transactions.putNew(table, workspaceItem(workspace)))
                .add("directory", Transactions.putNew(table, directoryItem(workspace)))
                .add("audit", auditLog.append(audit))
                .add("idempotency", key.map(k -> Transactions.putNew(table, idempotencyItem(k, workspace))));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(steps.items()));
            return new Registration.Registered(workspace);
        } catch (TransactionCanceledException e) {
            if (key.isPresent() && steps.failed(e.cancellationReasons(), "idempotency")) {
                Item earlier = Item.read(dynamo, table, idempotencyKey(key.get())).orElseThrow();
                return new Registration.Replayed(earlier.string("resourceId"),
                        key.get().fingerprint().equals(earlier.string("fingerprint")));
            }
            throw e;
        }
    }

    @Override
    public Page<WorkspaceSummary> list(PageRequest page) {
        var response = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Item.s(TableKeys.WORKSPACE_DIRECTORY),
                            ":prefix", Item.s(TableKeys.directoryEntry(""))))
                    .limit(page.limit());
            page.cursor().map(c -> Cursor.decodeTableKey(c, TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry("")))
                    .ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(Item::from).map(DynamoWorkspaceRegistry::summary).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Optional<WorkspaceSummary> find(String workspaceId) {
        return Item.read(dynamo, table, Item.key(TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry(workspaceId)))
                .map(DynamoWorkspaceRegistry::summary);
    }

    private static WorkspaceSummary summary(Item item) {
        // A deleted workspace's entry keeps no name (it may name a person).
        return new WorkspaceSummary(item.string("id"), item.optionalString("name").orElse(""), item.string("tier"), item.number("seatLimit"),
                WorkspaceState.valueOf(item.string("state").toUpperCase(Locale.ROOT)), item.instant("createdAt"));
    }

    /**
     * Support's provisioning keys live in the directory's partition: the workspace a retry should
     * find does not have an id until the first try made it.
     */
    private Item idempotencyItem(IdempotencyKey key, WorkspaceSummary workspace) {
        return Item.of(TableKeys.WORKSPACE_DIRECTORY, TableKeys.idempotency(key.callerUserId(), key.scope(), key.key()))
                .with("fingerprint", key.fingerprint())
                .with("resourceId", workspace.id())
                .with("createdAt", workspace.createdAt())
                .with("ttl", workspace.createdAt().plus(IdempotencyRecords.WINDOW).getEpochSecond());
    }

    private static Map<String, AttributeValue> idempotencyKey(IdempotencyKey key) {
        return Item.key(TableKeys.WORKSPACE_DIRECTORY, TableKeys.idempotency(key.callerUserId(), key.scope(), key.key()));
    }
}
