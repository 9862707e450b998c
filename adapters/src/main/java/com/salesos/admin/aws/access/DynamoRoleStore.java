package com.salesos.admin.aws.access;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.IdempotencyRecords;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.CustomCounts;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.access.RoleStore;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.IdempotencyKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Custom roles, with a name guard item per workspace that keeps names unique. */
public final class DynamoRoleStore implements RoleStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoRoleStore(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public List<Role> listCustom(String workspaceId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", s(TableKeys.workspace(workspaceId)), ":s", s(TableKeys.role("")))))
                .items().stream().map(DynamoRoleCatalog::fromItem).toList();
    }

    @Override
    public Outcome create(String workspaceId, Role role, AuditEvent audit, Optional<IdempotencyKey> key, int max) {
        Steps steps = new Steps();
        key.ifPresent(k -> steps.add("idempotency", IdempotencyRecords.claim(table, workspaceId, k, role.id(), audit.at())));
        steps.add("role", Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), TableKeys.role(role.id()))
                        .with("type", "role").with("id", role.id()).with("name", role.name()).with("holders", 0)
                        .withSet("permissions", role.permissions().stream().map(Permission::code).sorted().toList())))
                .add("name", nameGuard(workspaceId, role))
                .add("count", CustomCounts.addOne(table, workspaceId, CustomCounts.ROLES, max))
                .add("audit", auditLog.append(audit));
        return commit(steps, workspaceId, key);
    }

    @Override
    public Outcome update(String workspaceId, Role current, Role updated, AuditEvent audit) {
        Steps steps = new Steps().add("role", TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(current.id())))
                .updateExpression("SET #n = :name, #perm = :perm")
                // Name and permissions as read: the grant check was made against them, and a change
                // made meanwhile must not be overwritten by a caller who may not have made it.
                .conditionExpression("#n = :old AND #perm = :oldPerm")
                .expressionAttributeNames(Map.of("#n", "name", "#perm", "permissions"))
                .expressionAttributeValues(Map.of(":name", s(updated.name()), ":old", s(current.name()),
                        ":perm", permissions(updated), ":oldPerm", permissions(current)))).build());
        if (!lower(current.name()).equals(lower(updated.name()))) {
            steps.add("oldName", releaseName(workspaceId, current));
            steps.add("name", nameGuard(workspaceId, updated));
        }
        steps.add("audit", auditLog.append(audit));
        return commit(steps, workspaceId, Optional.empty());
    }

    @Override
    public Outcome delete(String workspaceId, Role role, AuditEvent audit) {
        Steps steps = new Steps()
                .add("role", TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(role.id())))
                        .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(holders) OR holders = :zero)")
                        .expressionAttributeValues(Map.of(":zero", Item.n(0)))).build())
                .add("oldName", releaseName(workspaceId, role))
                .add("count", CustomCounts.removeOne(table, workspaceId, CustomCounts.ROLES))
                .add("audit", auditLog.append(audit));
        Outcome outcome = commit(steps, workspaceId, Optional.empty());
        if (outcome instanceof Outcome.Stale) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.role(role.id())))).item();
            // Still there: refused by the holder rule, unless its last holder left meanwhile.
            if (item != null && !item.isEmpty() && !RoleHolding.mayDelete(Item.from(item).number("holders"))) {
                return new Outcome.InUse(Item.from(item).number("holders"));
            }
        }
        return outcome;
    }

    private Outcome commit(Steps steps, String workspaceId, Optional<IdempotencyKey> key) {
        try {
            WorkspaceGate.commit(dynamo, table, workspaceId, steps.items());
            return new Outcome.Done();
        } catch (TransactionCanceledException e) {
            if (key.isPresent() && steps.failed(e.cancellationReasons(), "idempotency")) {
                return new Outcome.Replayed(IdempotencyRecords.replay(dynamo, table, workspaceId, key.get()));
            }
            if (steps.failed(e.cancellationReasons(), "name")) {
                return new Outcome.NameTaken();
            }
            if (steps.failed(e.cancellationReasons(), "count")) {
                return new Outcome.LimitReached();
            }
            if (Transactions.anyConditionFailed(e.cancellationReasons())) {
                return new Outcome.Stale();
            }
            throw e;
        }
    }

    private TransactWriteItem nameGuard(String workspaceId, Role role) {
        return Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), "ROLENAME#" + lower(role.name()))
                .with("roleId", role.id()));
    }

    private TransactWriteItem releaseName(String workspaceId, Role role) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), "ROLENAME#" + lower(role.name())))
                .conditionExpression("roleId = :id")
                .expressionAttributeValues(Map.of(":id", s(role.id())))).build();
    }

    private static AttributeValue permissions(Role role) {
        return AttributeValue.fromSs(role.permissions().stream().map(Permission::code).sorted().toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
