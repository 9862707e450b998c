package com.salesos.admin.aws.users;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.workspaces.CounterSteps;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.RoleHolders;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.access.Role;
import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.users.UserStore;
import com.salesos.admin.workspaces.CounterChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Users in the single table; every status or role change commits with the counters it moves. */
public final class DynamoUserStore implements UserStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoSeatLedger seats;
    private final DynamoAuditLog auditLog;

    public DynamoUserStore(DynamoDbClient dynamo, String table, DynamoSeatLedger seats, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.seats = seats;
        this.auditLog = auditLog;
    }

    @Override
    public Optional<User> find(String workspaceId, String userId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.user(userId)))
                .map(DynamoUsers::fromItem);
    }

    @Override
    public Page<User> list(String workspaceId, UserFilter filter, PageRequest page) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":p", s(TableKeys.workspace(workspaceId)), ":s", s(TableKeys.user(""))));
        Map<String, String> names = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        filter.status().ifPresent(st -> {
            conditions.add("#st = :status");
            names.put("#st", "status");
            values.put(":status", s(st.name()));
        });
        filter.roleId().ifPresent(role -> {
            conditions.add("roleId = :role");
            values.put(":role", s(role));
        });
        filter.teamId().ifPresent(team -> {
            conditions.add("teamId = :team");
            values.put(":team", s(team));
        });
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(page.limit())
                .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                .expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            // Filters apply after the page is read: a page may hold fewer items; follow nextCursor.
            query.filterExpression(String.join(" AND ", conditions));
        }
        if (!names.isEmpty()) {
            query.expressionAttributeNames(names);
        }
        page.cursor().map(c -> Cursor.decodeTableKey(c, TableKeys.workspace(workspaceId), TableKeys.user("")))
                .ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamo.query(query.build());
        return new Page<>(response.items().stream().map(i -> DynamoUsers.fromItem(Item.from(i))).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Change update(User current, Role from, Role to, User updated, AuditEvent audit) {
        String ws = current.workspaceId();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":newRole", s(to.id()), ":oldRole", s(current.roleId()),
                ":status", s(current.status().name())));
        String update = "SET roleId = :newRole";
        if (updated.teamId() == null) {
            update += " REMOVE teamId";
        } else {
            update += ", teamId = :team";
            values.put(":team", s(updated.teamId()));
        }
        String expression = update;
        Steps steps = new Steps().add("user", TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(ws), TableKeys.user(current.id())))
                .updateExpression(expression)
                .conditionExpression("roleId = :oldRole AND #st = :status")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(values)).build());
        CounterChange counters = CounterChange.none();
        if (!from.id().equals(to.id())) {
            steps.add("release", RoleHolders.step(table, ws, RoleHolding.giveUp(from.id())));
            steps.add("hold", RoleHolders.step(table, ws, RoleHolding.take(to.id())));
            if (current.status() == UserStatus.ACTIVE) {
                counters = counters.loseAdminIf(from.id()).gainAdminIf(to.id());
            }
        }
        steps.add("counters", CounterSteps.step(table, ws, counters));
        steps.add("audit", auditLog.append(audit));
        return commit(ws, steps, counters);
    }

    @Override
    public Change deactivate(User current, AuditEvent audit) {
        return moveStatus(current, UserStatus.ACTIVE, UserStatus.DEACTIVATED,
                CounterChange.none().releaseUserSeat().loseAdminIf(current.roleId()), audit);
    }

    @Override
    public Change reactivate(User current, AuditEvent audit) {
        return moveStatus(current, UserStatus.DEACTIVATED, UserStatus.ACTIVE,
                CounterChange.none().takeSeatForUser().gainAdminIf(current.roleId()), audit);
    }

    private Change moveStatus(User current, UserStatus from, UserStatus to, CounterChange counters, AuditEvent audit) {
        String ws = current.workspaceId();
        Steps steps = new Steps()
                .add("user", statusChange(current, from, to))
                .add("counters", CounterSteps.step(table, ws, counters))
                .add("audit", auditLog.append(audit));
        return commit(ws, steps, counters);
    }

    private Change commit(String workspaceId, Steps steps, CounterChange counters) {
        try {
            WorkspaceGate.commit(dynamo, table, workspaceId, steps.items());
            return new Change.Done();
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (steps.failed(reasons, "user")) {
                return new Change.Stale();
            }
            if (steps.failed(reasons, "hold")) {
                return new Change.RoleGone();
            }
            if (steps.failed(reasons, "counters")) {
                return switch (seats.refusal(workspaceId, counters)) {
                    case NO_FREE_SEAT -> new Change.NoFreeSeat(seats.read(workspaceId));
                    case LAST_ADMIN -> new Change.LastAdmin();
                    case RACE -> new Change.Stale();
                };
            }
            throw e;
        }
    }

    private TransactWriteItem statusChange(User user, UserStatus from, UserStatus to) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(user.workspaceId()), TableKeys.user(user.id())))
                .updateExpression("SET #st = :to")
                // The role too: the admin counter and the grant check were decided for this role, so a
                // role change in between makes this move stale instead of miscounting Admins.
                .conditionExpression("#st = :from AND roleId = :role")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":from", s(from.name()), ":to", s(to.name()),
                        ":role", s(user.roleId())))).build();
    }
}
