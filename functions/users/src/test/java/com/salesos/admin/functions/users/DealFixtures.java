package com.salesos.admin.functions.users;

import com.salesos.admin.emulator.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** CRM deals written straight into the table, as the CRM itself would own them. */
final class DealFixtures {

    private DealFixtures() {
    }

    static void seed(LocalAws aws, String ws, String prefix, int count, String owner) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", AttributeValue.fromS("WS#" + ws), "sk", AttributeValue.fromS("DEAL#" + prefix + "-" + i),
                    "type", AttributeValue.fromS("deal"), "id", AttributeValue.fromS(prefix + "-" + i),
                    "name", AttributeValue.fromS("Deal " + i), "ownerUserId", AttributeValue.fromS(owner))).build()).build());
            if (batch.size() == 25 || i == count - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                aws.dynamo().batchWriteItem(r -> r.requestItems(Map.of(aws.tableName(), chunk)));
                batch.clear();
            }
        }
    }

    static long countOwnedBy(LocalAws aws, String ws, String owner, String prefix) {
        return aws.dynamo().queryPaginator(r -> r.tableName(aws.tableName())
                        .keyConditionExpression("pk = :p and begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("WS#" + ws),
                                ":s", AttributeValue.fromS("DEAL#" + prefix))))
                .items().stream().filter(i -> owner.equals(i.get("ownerUserId").s())).count();
    }
}
