package com.salesos.admin.aws.access;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.access.CrmClient;
import com.salesos.admin.access.CrmIdentities;
import java.util.Optional;

/**
 * CRM machine identities: {@code SUBJECT#<sub> / #CRM} names the workspace a CRM identity posts
 * for. It is a different item from a person's {@code #PRINCIPAL}, so a CRM subject is never a
 * workspace user and a person's subject is never the CRM.
 */
public final class DynamoCrmIdentities implements CrmIdentities {

    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    private final String table;

    public DynamoCrmIdentities(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CrmClient> findBySubject(String subject) {
        return Item.read(dynamo, table, Item.key(TableKeys.subject(subject), TableKeys.CRM_SK))
                .map(item -> new CrmClient(item.string("workspaceId"), subject));
    }

    /** Registers a CRM identity for a workspace (support onboarding, the local stack, tests). */
    public static Item item(String workspaceId, String subject, java.time.Instant at) {
        return Item.of(TableKeys.subject(subject), TableKeys.CRM_SK).with("type", "crm-identity")
                .with("workspaceId", workspaceId).with("subject", subject).with("createdAt", at);
    }
}
