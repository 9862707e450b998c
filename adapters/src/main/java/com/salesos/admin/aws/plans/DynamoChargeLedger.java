package com.salesos.admin.aws.plans;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.workspaces.WorkspaceGate;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.Charge;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The default billing gateway: records each charge as a {@code CHARGE#id} item of the workspace.
 * Writing it with "must not exist" makes a repeated record of the same charge a no-op.
 */
public final class DynamoChargeLedger implements BillingGateway {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoChargeLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Charge charge) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(DynamoPlanStore.chargeItem(charge, Item.of(TableKeys.workspace(charge.workspaceId()),
                        "CHARGE#" + charge.id())).values())
                .conditionExpression("attribute_not_exists(pk)")).build();
        try {
            // A workspace write like any other: not while its deletion is confirmed or running, never after it.
            WorkspaceGate.commit(dynamo, table, charge.workspaceId(), List.of(put));
        } catch (TransactionCanceledException e) {
            if (Transactions.failedCondition(e.cancellationReasons(), 0)) {
                return; // Recorded by an earlier attempt: charged once.
            }
            throw new BillingUnavailable("The charge ledger could not be written", e);
        } catch (SdkException e) {
            throw new BillingUnavailable("The charge ledger could not be written", e);
        }
    }
}
