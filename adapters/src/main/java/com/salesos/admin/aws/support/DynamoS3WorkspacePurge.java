package com.salesos.admin.aws.support;

import com.salesos.admin.aws.access.DynamoCrmIdentities;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.support.PurgeCounts;
import com.salesos.admin.support.WorkspacePurge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Removes a workspace from the buckets, the identity provider and the table, a page at a time so
 * memory stays bounded whatever its size. The steps: unfinished multipart uploads, then objects,
 * under the workspace's prefix of each bucket (export files, badge images); then every item of
 * its partition and of its audit partition. The items outside those partitions that point in (a
 * user's sign-in principal, a pending invitation's token, the CRM identity's registration) and the
 * sign-in accounts are found through the items that name them and removed before them, so a run
 * that stops halfway leaves nothing a later run could no longer find.
 */
public final class DynamoS3WorkspacePurge implements WorkspacePurge {

    /** Items per page: small enough that closing every account of a page fits in the worker's reserve. */
    static final int ITEM_PAGE = 200;
    /** BatchWriteItem's limit. */
    private static final int BATCH = 25;
    /** Kept until the request's last step (DeletionRequestStore.finish): they keep the workspace read-only. */
    private static final Set<String> KEPT = Set.of(TableKeys.WORKSPACE_SK, TableKeys.DELETION_LIVE_SK);

    private final DynamoDbClient dynamo;
    private final String table;
    private final S3Client s3;
    private final AccountDirectory accounts;
    private final List<Step> steps;

    private enum Kind { UPLOADS, OBJECTS, ITEMS }

    private record Account(String subject, EmailAddress email) {
    }

    /** {@code place}: a bucket with the key prefix of a workspace's objects ({@code %s} the id), or a partition key. */
    private record Step(String name, Kind kind, String place, String prefix) {
    }

    public DynamoS3WorkspacePurge(DynamoDbClient dynamo, String table, S3Client s3, AccountDirectory accounts,
                                  String exportsBucket, String badgeImagesBucket) {
        this.dynamo = dynamo;
        this.table = table;
        this.s3 = s3;
        this.accounts = accounts;
        // Where the export worker and the badge image upload put them (ExportRun, S3BadgeImages).
        this.steps = List.of(
                new Step("uploads in the exports bucket", Kind.UPLOADS, exportsBucket, "exports/%s/"),
                new Step("objects in the exports bucket", Kind.OBJECTS, exportsBucket, "exports/%s/"),
                new Step("uploads in the badge images bucket", Kind.UPLOADS, badgeImagesBucket, "badges/%s/"),
                new Step("objects in the badge images bucket", Kind.OBJECTS, badgeImagesBucket, "badges/%s/"),
                new Step("items of the workspace", Kind.ITEMS, "WS#%s", ""),
                new Step("audit records of the workspace", Kind.ITEMS, "WS#%s#AUDIT", ""));
    }

    @Override
    public List<String> steps() {
        return steps.stream().map(Step::name).toList();
    }

    @Override
    public Batch next(String workspaceId, int index) {
        Step step = steps.get(index);
        return switch (step.kind()) {
            case UPLOADS -> uploads(step.place(), step.prefix().formatted(workspaceId));
            case OBJECTS -> objects(step.place(), step.prefix().formatted(workspaceId));
            case ITEMS -> items(step.place().formatted(workspaceId));
        };
    }

    /** Every unfinished upload under the prefix at once (there are few: exports in flight), ordered by key and upload id. */
    private Batch uploads(String bucket, String prefix) {
        record Upload(String key, String uploadId) {
        }
        List<Upload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadMarker = null;
        do {
            String fromKey = keyMarker;
            String fromUpload = uploadMarker;
            ListMultipartUploadsResponse page = s3.listMultipartUploads(r -> r.bucket(bucket).prefix(prefix)
                    .keyMarker(fromKey).uploadIdMarker(fromUpload));
            page.uploads().stream().filter(u -> u.key().startsWith(prefix))
                    .forEach(u -> uploads.add(new Upload(u.key(), u.uploadId())));
            boolean more = Boolean.TRUE.equals(page.isTruncated());
            keyMarker = more ? page.nextKeyMarker() : null;
            uploadMarker = more ? page.nextUploadIdMarker() : null;
        } while (keyMarker != null);
        // The key and the upload id joined by a character no key holds: the order is (key, upload id).
        List<Entry> entries = uploads.stream().map(u -> new Entry(u.key() + "\u0000" + u.uploadId(), PurgeCounts.upload()))
                .sorted(Comparator.comparing(Entry::key)).toList();
        return batch(entries, () -> uploads.forEach(u -> {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
            } catch (NoSuchUploadException alreadyGone) {
                // Aborted by an earlier run.
            }
        }));
    }

    /** The first page of objects left under the prefix (S3 lists keys in order). */
    private Batch objects(String bucket, String prefix) {
        ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix));
        List<ObjectIdentifier> keys = page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        return batch(keys.stream().map(k -> new Entry(k.key(), PurgeCounts.object())).toList(), () -> {
            if (keys.isEmpty()) {
                return;
            }
            DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new IllegalStateException("S3 kept " + response.errors().size() + " objects under " + prefix
                        + ", first: " + response.errors().get(0).code());
            }
        });
    }

    /**
     * The first page of items left in the partition (in sort-key order), without the two the
     * request's last step removes. Each user item brings its sign-in account and principal, each
     * pending invitation its token, each CRM registration its identity and account.
     */
    private Batch items(String partition) {
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        Optional<Map<String, AttributeValue>> start = Optional.empty();
        do {
            Optional<Map<String, AttributeValue>> from = start;
            QueryResponse response = dynamo.query(r -> {
                r.tableName(table).consistentRead(true).limit(ITEM_PAGE)
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Item.s(partition)));
                from.ifPresent(r::exclusiveStartKey);
            });
            response.items().stream().filter(i -> !KEPT.contains(i.get(TableKeys.SK).s())).forEach(page::add);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(response.lastEvaluatedKey()) : Optional.empty();
        } while (page.isEmpty() && start.isPresent());

        List<Entry> entries = new ArrayList<>();
        List<Account> toClose = new ArrayList<>();
        List<Map<String, AttributeValue>> pointingIn = new ArrayList<>();
        List<Map<String, AttributeValue>> own = new ArrayList<>();
        for (Map<String, AttributeValue> values : page) {
            Item item = Item.from(values);
            String type = item.optionalString("type").orElse("");
            Optional<String> subject = item.optionalString("subject");
            PurgeCounts counts = PurgeCounts.item();
            if (type.equals("user") && subject.isPresent()) {
                pointingIn.add(Item.key(TableKeys.subject(subject.get()), TableKeys.PRINCIPAL_SK));
                Optional<EmailAddress> email = item.optionalString("email").flatMap(EmailAddress::parse);
                if (email.isPresent()) {
                    toClose.add(new Account(subject.get(), email.get()));
                    counts = counts.plus(PurgeCounts.account());
                }
            } else if (type.equals(DynamoCrmIdentities.POINTER_TYPE) && subject.isPresent()) {
                pointingIn.add(Item.key(TableKeys.subject(subject.get()), TableKeys.CRM_SK));
                Optional<EmailAddress> email = item.optionalString("email").flatMap(EmailAddress::parse);
                if (email.isPresent()) {
                    toClose.add(new Account(subject.get(), email.get()));
                    counts = counts.plus(PurgeCounts.account());
                }
            } else if (type.equals("invitation")) {
                item.optionalString("tokenHash").ifPresent(hash -> pointingIn.add(Item.key(TableKeys.token(hash), TableKeys.TOKEN_SK)));
                if (!item.optionalString("status").orElse("").equals(InvitationStatus.ACCEPTED.name())) {
                    // An accept that failed after opening its account left it for a retry of the link;
                    // there will be none. Closed, not counted: it never was a user of the workspace (an
                    // accepted invitation's account is its user's, closed and counted above).
                    item.optionalString("email").flatMap(EmailAddress::parse).ifPresent(email ->
                            accounts.openedBy(item.string("id"), email).ifPresent(leftover ->
                                    toClose.add(new Account(leftover, email))));
                }
            }
            own.add(Item.key(values.get(TableKeys.PK).s(), values.get(TableKeys.SK).s()));
            entries.add(new Entry(values.get(TableKeys.SK).s(), counts));
        }
        return batch(entries, () -> {
            // Sign-in first (a closed account cannot act on what is left), then what points in, then the items.
            toClose.forEach(account -> accounts.close(account.subject(), account.email()));
            delete(pointingIn);
            delete(own);
        });
    }

    private static Batch batch(List<Entry> entries, Runnable remove) {
        return new Batch() {
            @Override
            public List<Entry> entries() {
                return entries;
            }

            @Override
            public void remove() {
                remove.run();
            }
        };
    }

    private void delete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            // BatchWriteItem may leave some for later under load; they are sent again until none is left.
            while (!pending.getOrDefault(table, List.of()).isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
