package com.salesos.admin.aws.plans;

import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.table.Cursor;
import com.salesos.admin.aws.table.IndexPosition;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.SortableTime;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import static com.salesos.admin.aws.table.Item.s;

import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.plans.BillingPeriod;
import com.salesos.admin.plans.Charge;
import com.salesos.admin.plans.Plan;
import com.salesos.admin.plans.PlanStore;
import com.salesos.admin.plans.Subscription;
import com.salesos.admin.seats.Seats;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The subscription lives on the workspace item: {@code tier}, {@code planSeatLimit} (the plan's),
 * {@code seatLimit} (the effective limit every seat-taking transaction checks), the anchor period
 * and any pending downgrade. A pending downgrade also puts the item in GSI1 under
 * {@code PLANCHANGES#DUE}, sorted by due time, so the scheduler finds due changes without a scan.
 * An upgrade's charge waits in a {@code PLANCHANGE#} item (GSI1 {@code CHARGES#UNRECORDED}) until
 * the billing gateway has taken it.
 */
public final class DynamoPlanStore implements PlanStore {

    public static final String DUE = "PLANCHANGES#DUE";
    public static final String UNRECORDED = "CHARGES#UNRECORDED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoSeatLedger seats;
    private final DynamoAuditLog auditLog;

    public DynamoPlanStore(DynamoDbClient dynamo, String table, DynamoSeatLedger seats, DynamoAuditLog auditLog) {
        this.dynamo = dynamo;
        this.table = table;
        this.seats = seats;
        this.auditLog = auditLog;
    }

    @Override
    public Subscription subscription(String workspaceId) {
        return Item.read(dynamo, table, Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .map(item -> fromItem(item))
                .orElseThrow(() -> new IllegalStateException("no workspace " + workspaceId));
    }

    @Override
    public Outcome upgrade(Subscription current, Plan to, long seatLimit, Charge charge, AuditEvent audit) {
        String ws = current.workspaceId();
        Steps steps = new Steps()
                .add("workspace", workspaceUpdate(ws,
                        "SET tier = :to, planSeatLimit = :limit, seatLimit = :limit "
                                + "REMOVE pendingTier, pendingEffectiveAt, gsi1pk, gsi1sk",
                        "tier = :from AND planSeatLimit = :was", Map.of(":to", s(to.tier()), ":limit", Item.n(seatLimit),
                                ":from", s(current.tier()), ":was", Item.n(current.planSeatLimit()))))
                .add("charge", Transactions.putNew(table, chargeItem(charge, Item.of(TableKeys.workspace(ws), "PLANCHANGE#" + charge.id()))
                        .with(TableKeys.GSI1_PK, UNRECORDED)
                        .with(TableKeys.GSI1_SK, SortableTime.of(charge.createdAt()) + "#" + charge.id())))
                .add("audit", auditLog.append(audit));
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, ws, steps.items()) ? new Outcome.Done() : new Outcome.Stale();
    }

    @Override
    public Outcome scheduleDowngrade(Subscription current, Plan to, long seatLimit, Instant effectiveAt, AuditEvent audit) {
        String ws = current.workspaceId();
        Steps steps = new Steps()
                .add("workspace", workspaceUpdate(ws,
                        "SET pendingTier = :to, pendingEffectiveAt = :at, seatLimit = :limit, gsi1pk = :due, gsi1sk = :dueAt",
                        "tier = :from AND planSeatLimit = :was AND seatsUsed <= :limit",
                        Map.of(":to", s(to.tier()), ":at", s(effectiveAt.toString()), ":limit", Item.n(seatLimit),
                                ":due", s(DUE), ":dueAt", s(SortableTime.of(effectiveAt) + "#" + ws), ":from", s(current.tier()),
                                ":was", Item.n(current.planSeatLimit()))))
                .add("audit", auditLog.append(audit));
        if (WorkspaceGate.commitUnlessConditionFails(dynamo, table, ws, steps.items())) {
            return new Outcome.Done();
        }
        Seats now = seats.read(ws);
        return now.used() > seatLimit ? new Outcome.OverLimit(now) : new Outcome.Stale();
    }

    @Override
    public Outcome cancelPending(Subscription current, AuditEvent audit) {
        Subscription.PendingChange pending = current.pending().orElseThrow();
        Steps steps = new Steps()
                .add("workspace", workspaceUpdate(current.workspaceId(),
                        "SET seatLimit = :limit REMOVE pendingTier, pendingEffectiveAt, gsi1pk, gsi1sk",
                        "pendingTier = :p AND pendingEffectiveAt = :at AND planSeatLimit = :limit",
                        Map.of(":limit", Item.n(current.planSeatLimit()), ":p", s(pending.tier()),
                                ":at", s(pending.effectiveAt().toString()))))
                .add("audit", auditLog.append(audit));
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, current.workspaceId(), steps.items()) ? new Outcome.Done() : new Outcome.Stale();
    }

    @Override
    public Page<Subscription> dueDowngrades(Instant now, int limit, Optional<String> after) {
        // '~' sorts after every character of an id, so changes due exactly now are included.
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).indexName(TableKeys.GSI1).limit(limit)
                    .keyConditionExpression("gsi1pk = :due AND gsi1sk <= :now")
                    .expressionAttributeValues(Map.of(":due", s(DUE), ":now", s(SortableTime.of(now) + "#~")));
            after.map(IndexPosition::decode).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> fromItem(Item.from(i))).filter(sub -> sub.pending().isPresent()).toList(),
                IndexPosition.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Outcome applyDowngrade(Subscription due, BillingPeriod newAnchor, AuditEvent audit) {
        Subscription.PendingChange pending = due.pending().orElseThrow();
        Steps steps = new Steps()
                .add("workspace", workspaceUpdate(due.workspaceId(),
                        "SET tier = :to, planSeatLimit = seatLimit, periodStart = :start, periodEnd = :end "
                                + "REMOVE pendingTier, pendingEffectiveAt, gsi1pk, gsi1sk",
                        "pendingTier = :to AND pendingEffectiveAt = :at",
                        Map.of(":to", s(pending.tier()), ":at", s(pending.effectiveAt().toString()),
                                ":start", s(newAnchor.start().toString()), ":end", s(newAnchor.end().toString()))))
                .add("audit", auditLog.append(audit));
        return WorkspaceGate.commitUnlessConditionFails(dynamo, table, due.workspaceId(), steps.items()) ? new Outcome.Done() : new Outcome.Stale();
    }

    @Override
    public Page<Charge> unrecordedCharges(Instant createdBefore, int limit, Optional<String> after) {
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).indexName(TableKeys.GSI1).limit(limit)
                    .keyConditionExpression("gsi1pk = :u AND gsi1sk < :before")
                    .expressionAttributeValues(Map.of(":u", s(UNRECORDED), ":before", s(SortableTime.of(createdBefore))));
            after.map(IndexPosition::decode).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> chargeFromItem(Item.from(i))).toList(),
                IndexPosition.encode(response.lastEvaluatedKey()));
    }

    @Override
    public void markRecorded(Charge charge) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Item.key(TableKeys.workspace(charge.workspaceId()), "PLANCHANGE#" + charge.id()))
                    .updateExpression("SET chargeStatus = :recorded REMOVE gsi1pk, gsi1sk")
                    // Never a new item: a workspace deleted since the charge was listed stays deleted.
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":recorded", s("RECORDED"))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            // Its workspace was deleted meanwhile: nothing left to mark.
        }
    }

    @Override
    public Page<Charge> charges(String workspaceId, PageRequest page) {
        String partition = TableKeys.workspace(workspaceId);
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).limit(page.limit()).scanIndexForward(false)
                    .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(partition), ":s", s("CHARGE#")));
            page.cursor().map(c -> Cursor.decodeTableKey(c, partition, "CHARGE#")).ifPresent(r::exclusiveStartKey);
        });
        return new Page<>(response.items().stream().map(i -> chargeFromItem(Item.from(i))).toList(),
                Cursor.encode(response.lastEvaluatedKey()));
    }

    private TransactWriteItem workspaceUpdate(String workspaceId, String update, String condition,
                                              Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(TableKeys.workspace(workspaceId), TableKeys.WORKSPACE_SK))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeValues(new HashMap<>(values))).build();
    }

    static Item chargeItem(Charge charge, Item item) {
        return item.with("type", "charge")
                .with("id", charge.id())
                .with("workspaceId", charge.workspaceId())
                .with("amount", charge.amount().amount())
                .with("currency", charge.amount().currency())
                .with("fromTier", charge.fromTier())
                .with("toTier", charge.toTier())
                .with("createdAt", charge.createdAt())
                .with("createdBy", charge.createdBy())
                .with("periodStart", charge.period().start())
                .with("periodEnd", charge.period().end());
    }

    static Charge chargeFromItem(Item item) {
        return new Charge(item.string("id"), item.string("workspaceId"),
                new com.salesos.admin.plans.Money(item.number("amount"), item.string("currency")),
                item.string("fromTier"), item.string("toTier"), item.instant("createdAt"), item.string("createdBy"),
                new BillingPeriod(item.instant("periodStart"), item.instant("periodEnd")));
    }

    private static Subscription fromItem(Item item) {
        Optional<Subscription.PendingChange> pending = item.optionalString("pendingTier")
                .map(tier -> new Subscription.PendingChange(tier, item.instant("pendingEffectiveAt")));
        return new Subscription(item.string("id"), item.string("tier"), item.number("planSeatLimit"),
                new BillingPeriod(item.instant("periodStart"), item.instant("periodEnd")), pending);
    }
}
