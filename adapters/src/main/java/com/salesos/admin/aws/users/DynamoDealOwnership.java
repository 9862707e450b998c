package com.salesos.admin.aws.users;

import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IndexPosition;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Deal owners in the single table ({@code DEAL#id} items of the workspace), found through the owner
 * index ({@link TableKeys#BY_OWNER}: partition {@code ownerUserId}, sort key the item's {@code sk}),
 * so finding a user's deals reads that user's index entries and nothing else of the workspace.
 * The index is eventually consistent: an entry may trail a move for a moment, which is harmless
 * because every move is conditioned on the owner the deal has when it commits. User ids are unique
 * across workspaces in practice (time plus 64 random bits), but entries of another workspace under
 * the same id would be skipped: a listing never leaves the caller's workspace.
 * Moves go in transactions of up to 97 deals plus the receiver check and their audit record.
 */
public final class DynamoDealOwnership implements DealOwnership {

    private static final String DEAL = "DEAL#";
    /** Deals per transaction, with the receiver check and the audit record. */
    private static final int BATCH = DealMoves.TRANSACTION_ITEMS - 2;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DealMoves moves;

    public DynamoDealOwnership(DynamoDbClient dynamo, String table, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.moves = new DealMoves(dynamo, table, auditLog);
    }

    @Override
    public OwnedPage ownedBy(String workspaceId, String userId, Optional<String> after, int limit) {
        String partition = TableKeys.workspace(workspaceId);
        QueryResponse response = dynamo.query(ownerQuery(userId, limit)
                .projectionExpression("pk, sk")
                .exclusiveStartKey(after.map(IndexPosition::decode).orElse(null)).build());
        List<OwnedDeal> deals = new ArrayList<>();
        for (Map<String, AttributeValue> entry : response.items()) {
            if (partition.equals(entry.get(TableKeys.PK).s())) {
                String sk = entry.get(TableKeys.SK).s();
                deals.add(new OwnedDeal(sk.substring(DEAL.length()), IndexPosition.encode(indexKey(partition, sk, userId)).orElseThrow()));
            }
        }
        return new OwnedPage(deals, IndexPosition.encode(response.lastEvaluatedKey()));
    }

    @Override
    public long countOwnedBy(String workspaceId, String userId, long cap) {
        String partition = TableKeys.workspace(workspaceId);
        long counted = 0;
        Map<String, AttributeValue> start = null;
        do {
            int limit = (int) Math.min(Integer.MAX_VALUE, cap - counted);
            QueryResponse response = dynamo.query(ownerQuery(userId, limit).projectionExpression("pk")
                    .exclusiveStartKey(start).build());
            counted += response.items().stream().filter(i -> partition.equals(i.get(TableKeys.PK).s())).count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && counted < cap);
        return Math.min(counted, cap);
    }

    @Override
    public Page<Deal> dealsOf(String workspaceId, String userId, PageRequest page) {
        String partition = TableKeys.workspace(workspaceId);
        List<Deal> deals = new ArrayList<>();
        Map<String, AttributeValue> start = page.cursor()
                .map(c -> indexKey(partition, Cursor.decodeTableKey(c, partition, DEAL).get(TableKeys.SK).s(), userId))
                .orElse(null);
        // Ask for what is still missing until the page is full: a response never holds more than
        // that, and the last evaluated key is an exact cursor.
        do {
            QueryResponse response = dynamo.query(ownerQuery(userId, page.limit() - deals.size()).exclusiveStartKey(start).build());
            response.items().stream().filter(i -> partition.equals(i.get(TableKeys.PK).s()))
                    .forEach(item -> deals.add(deal(Item.from(item))));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (deals.size() < page.limit() && start != null);
        return new Page<>(deals, Cursor.encode(start));
    }

    @Override
    public Transfer transfer(String workspaceId, List<String> dealIds, String from, String to, AuditEvent audit) {
        List<String> moved = new ArrayList<>();
        for (int start = 0; start < dealIds.size(); start += BATCH) {
            List<String> batch = dealIds.subList(start, Math.min(dealIds.size(), start + BATCH));
            DealMoves.Result result;
            try {
                result = moves.commit(workspaceId, batch, from, to, audit, moving -> List.of());
            } catch (RuntimeException e) {
                if (moved.isEmpty()) {
                    throw e;
                }
                // Earlier batches committed: the caller must learn exactly which deals moved.
                return new Transfer(moved, false, Optional.of(e));
            }
            if (result instanceof DealMoves.Result.ReceiverInactive) {
                return new Transfer(moved, true);
            }
            moved.addAll(((DealMoves.Result.Committed) result).moved());
        }
        return new Transfer(moved, false);
    }

    /** The user's deal entries in the owner index (eventually consistent: the only kind an index reads). */
    private QueryRequest.Builder ownerQuery(String userId, int limit) {
        return QueryRequest.builder().tableName(table).indexName(TableKeys.BY_OWNER).limit(limit)
                .keyConditionExpression("#owner = :owner AND begins_with(sk, :deal)")
                .expressionAttributeNames(Map.of("#owner", TableKeys.OWNER))
                .expressionAttributeValues(Map.of(":owner", s(userId), ":deal", s(DEAL)));
    }

    /** Where an index walk stands after the entry of this deal: index key and table key. */
    private static Map<String, AttributeValue> indexKey(String partition, String sk, String userId) {
        Map<String, AttributeValue> key = new HashMap<>(Item.key(partition, sk));
        key.put(TableKeys.OWNER, s(userId));
        return key;
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
}
