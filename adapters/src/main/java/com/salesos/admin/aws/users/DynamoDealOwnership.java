package com.salesos.admin.aws.users;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.users.DealOwnership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Deal owners in the single table ({@code DEAL#id} items of the workspace). Moves go in
 * transactions of up to 98 deals plus their audit record and the workspace's condition (WorkspaceGate), each deal conditioned on still having
 * the source owner; a batch that meets a deal someone else moved falls back to one conditional
 * write per deal, so every deal that can move does, exactly once.
 */
public final class DynamoDealOwnership implements DealOwnership {

    private static final int PAGE = 500;
    private static final int BATCH = 98;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;

    public DynamoDealOwnership(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
    }

    @Override
    public DealPage ownedBy(String workspaceId, String userId, Optional<String> cursor) {
        String partition = TableKeys.workspace(workspaceId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).limit(PAGE).consistentRead(true)
                    .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .filterExpression("ownerUserId = :owner")
                    .projectionExpression("id")
                    .expressionAttributeValues(Map.of(":p", s(partition), ":s", s("DEAL#"), ":owner", s(userId)));
            cursor.map(c -> Cursor.decodeTableKey(c, partition, "DEAL#")).ifPresent(r::exclusiveStartKey);
        });
        return new DealPage(response.items().stream().map(i -> i.get("id").s()).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Page<Deal> dealsOf(String workspaceId, String userId, PageRequest page) {
        String partition = TableKeys.workspace(workspaceId);
        List<Deal> deals = new ArrayList<>();
        Optional<Map<String, AttributeValue>> start = page.cursor().map(c -> Cursor.decodeTableKey(c, partition, "DEAL#"));
        // The filter applies after Limit, so ask for what is still missing until the page is full:
        // a response never holds more than that, and the last evaluated key is an exact cursor.
        do {
            int missing = page.limit() - deals.size();
            Optional<Map<String, AttributeValue>> from = start;
            QueryResponse response = dynamo.query(r -> {
                r.tableName(table).limit(missing)
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .filterExpression("ownerUserId = :owner")
                        .expressionAttributeValues(Map.of(":p", s(partition), ":s", s("DEAL#"), ":owner", s(userId)));
                from.ifPresent(r::exclusiveStartKey);
            });
            response.items().forEach(item -> deals.add(deal(Item.from(item))));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(response.lastEvaluatedKey()) : Optional.empty();
        } while (deals.size() < page.limit() && start.isPresent());
        return new Page<>(deals, start.flatMap(Cursor::encode));
    }

    private static Deal deal(Item item) {
        Optional<Long> amount = item.optionalString("amount").flatMap(DynamoDealOwnership::minorUnits);
        return new Deal(item.string("id"), item.optionalString("name").orElse(""),
                item.optionalString("stage").orElse(""), amount, item.optionalString("currency").orElse(""));
    }

    private static Optional<Long> minorUnits(String amount) {
        try {
            return Optional.of(Long.parseLong(amount));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> transfer(String workspaceId, List<String> dealIds, String from, String to, AuditEvent audit) {
        List<String> moved = new ArrayList<>();
        for (int start = 0; start < dealIds.size(); start += BATCH) {
            List<String> batch = dealIds.subList(start, Math.min(dealIds.size(), start + BATCH));
            List<TransactWriteItem> writes = new ArrayList<>();
            batch.forEach(id -> writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Item.key(TableKeys.workspace(workspaceId), "DEAL#" + id))
                    .updateExpression("SET ownerUserId = :to")
                    .conditionExpression("ownerUserId = :from")
                    .expressionAttributeValues(Map.of(":from", s(from), ":to", s(to)))).build()));
            writes.add(auditLog.append(withMoved(audit, batch)));
            try {
                WorkspaceGate.commit(dynamo, table, workspaceId, writes);
                moved.addAll(batch);
            } catch (TransactionCanceledException e) {
                if (!Transactions.anyConditionFailed(e.cancellationReasons())) {
                    throw e;
                }
                moved.addAll(oneByOne(workspaceId, batch, from, to, audit));
            }
        }
        return moved;
    }

    private List<String> oneByOne(String workspaceId, List<String> batch, String from, String to, AuditEvent audit) {
        List<String> moved = new ArrayList<>();
        for (String id : batch) {
            TransactWriteItem move = TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Item.key(TableKeys.workspace(workspaceId), "DEAL#" + id))
                    .updateExpression("SET ownerUserId = :to")
                    .conditionExpression("ownerUserId = :from")
                    .expressionAttributeValues(Map.of(":from", s(from), ":to", s(to)))).build();
            if (WorkspaceGate.commitUnlessConditionFails(dynamo, table, workspaceId, List.of(move))) {
                moved.add(id);
            }
            // Otherwise moved earlier, owned by someone else, or no such deal: not ours to move.
        }
        if (!moved.isEmpty()) {
            WorkspaceGate.commit(dynamo, table, workspaceId, List.of(auditLog.append(withMoved(audit, moved))));
        }
        return moved;
    }

    private static AuditEvent withMoved(AuditEvent audit, List<String> dealIds) {
        Map<String, Object> after = new HashMap<>(audit.after());
        after.put("count", dealIds.size());
        after.put("dealIds", List.copyOf(dealIds));
        return new AuditEvent(audit.workspaceId(), audit.actorUserId(), audit.action(), audit.targetType(),
                audit.targetId(), audit.at(), audit.before(), after);
    }
}
