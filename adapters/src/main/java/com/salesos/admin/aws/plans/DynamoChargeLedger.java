package com.salesos.admin.aws.plans;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.plans.BillingGateway;
import com.salesos.admin.plans.Charge;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(DynamoPlanStore.chargeItem(charge, Item.of(TableKeys.workspace(charge.workspaceId()),
                            "CHARGE#" + charge.id())).values())
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // Recorded by an earlier attempt: charged once.
        } catch (SdkException e) {
            throw new BillingUnavailable("The charge ledger could not be written", e);
        }
    }
}
