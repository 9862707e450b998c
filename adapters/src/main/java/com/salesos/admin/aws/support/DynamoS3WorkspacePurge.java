package com.salesos.admin.aws.support;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.support.WorkspacePurge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Removes a workspace from the table and the buckets, a page at a time so memory stays bounded
 * whatever its size. Items outside the workspace's partitions that point into it (a user's sign-in
 * principal, an invitation's token) are found through the items inside and removed before them,
 * so a run that stops halfway leaves nothing a later run could no longer find.
 */
public final class DynamoS3WorkspacePurge implements WorkspacePurge {

    /** BatchWriteItem's limit. */
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final S3Client s3;
    /** Bucket and the key prefix under which that bucket holds a workspace's objects, {@code %s} the id. */
    private final Map<String, String> prefixes;

    public DynamoS3WorkspacePurge(DynamoDbClient dynamo, String table, S3Client s3, String exportsBucket,
                                  String badgeImagesBucket) {
        this.dynamo = dynamo;
        this.table = table;
        this.s3 = s3;
        // Where the export worker and the badge image upload put them (ExportRun, S3BadgeImages).
        this.prefixes = Map.of(exportsBucket, "exports/%s/", badgeImagesBucket, "badges/%s/");
    }

    @Override
    public List<Account> accounts(String workspaceId) {
        List<Account> accounts = new ArrayList<>();
        forEachPage(TableKeys.workspace(workspaceId), "USER#", page -> page.items().stream().map(Item::from)
                .filter(i -> i.optionalString("subject").isPresent())
                .forEach(i -> EmailAddress.parse(i.string("email"))
                        .ifPresent(email -> accounts.add(new Account(i.string("subject"), email)))));
        return accounts;
    }

    @Override
    public long deleteObjects(String workspaceId) {
        long deleted = 0;
        for (Map.Entry<String, String> bucket : prefixes.entrySet()) {
            String prefix = bucket.getValue().formatted(workspaceId);
            String token = null;
            do {
                String continuation = token;
                ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket.getKey()).prefix(prefix)
                        .continuationToken(continuation));
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(r -> r.bucket(bucket.getKey()).delete(d -> d.objects(keys).quiet(true)));
                    deleted += keys.size();
                }
                token = page.isTruncated() ? page.nextContinuationToken() : null;
            } while (token != null);
        }
        return deleted;
    }

    @Override
    public long deleteItems(String workspaceId) {
        String partition = TableKeys.workspace(workspaceId);
        List<Map<String, AttributeValue>> pointingIn = new ArrayList<>();
        forEachPage(partition, "", page -> page.items().stream().map(Item::from).forEach(item -> {
            String type = item.optionalString("type").orElse("");
            if (type.equals("user") && item.optionalString("subject").isPresent()) {
                pointingIn.add(Item.key(TableKeys.subject(item.string("subject")), TableKeys.PRINCIPAL_SK));
            } else if (type.equals("invitation") && item.optionalString("tokenHash").isPresent()) {
                pointingIn.add(Item.key(TableKeys.token(item.string("tokenHash")), TableKeys.TOKEN_SK));
            }
        }));
        long deleted = delete(pointingIn);
        deleted += deletePartition(partition);
        deleted += deletePartition(TableKeys.audit(workspaceId));
        return deleted;
    }

    @Override
    public void markDeleted(String workspaceId, Instant at) {
        // The name goes too: it may name a person. Id, tier and dates stay.
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Item.key(TableKeys.WORKSPACE_DIRECTORY, TableKeys.directoryEntry(workspaceId)))
                    .updateExpression("SET #state = :deleted, deletedAt = :at REMOVE #name")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#state", "state", "#name", "name"))
                    .expressionAttributeValues(Map.of(":deleted", Item.s("deleted"), ":at", Item.s(at.toString()))));
        } catch (ConditionalCheckFailedException unlisted) {
            // A workspace made before support's directory existed has no entry to mark.
        }
    }

    /** Every item of the partition but the deletion's live slot, which the request's last step removes. */
    private long deletePartition(String partition) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        long[] deleted = {0};
        forEachPage(partition, "", page -> {
            page.items().stream()
                    .filter(i -> !TableKeys.DELETION_LIVE_SK.equals(i.get(TableKeys.SK).s()))
                    .forEach(i -> keys.add(Item.key(i.get(TableKeys.PK).s(), i.get(TableKeys.SK).s())));
            deleted[0] += delete(keys);
            keys.clear();
        });
        return deleted[0];
    }

    private long delete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            // BatchWriteItem may leave some for later under load; they are sent again until none is left.
            while (!pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        return keys.size();
    }

    private void forEachPage(String partition, String sortPrefix, java.util.function.Consumer<QueryResponse> each) {
        Optional<Map<String, AttributeValue>> start = Optional.empty();
        do {
            Optional<Map<String, AttributeValue>> from = start;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table).consistentRead(true).limit(500);
                // DynamoDB takes no empty string in a key condition: no prefix, no condition on the sort key.
                if (sortPrefix.isEmpty()) {
                    r.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Item.s(partition)));
                } else {
                    r.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                            .expressionAttributeValues(Map.of(":pk", Item.s(partition), ":prefix", Item.s(sortPrefix)));
                }
                from.ifPresent(r::exclusiveStartKey);
            });
            each.accept(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? Optional.of(page.lastEvaluatedKey()) : Optional.empty();
        } while (start.isPresent());
    }
}
