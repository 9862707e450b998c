package com.salesos.admin.aws.access;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
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

    /** The type of the workspace's own record of a CRM identity ({@code WS#ws / CRM#sub}). */
    public static final String POINTER_TYPE = "crm-registration";

    /**
     * Registers a CRM identity for a workspace (support onboarding, the local stack, tests), as two
     * items written together: the identity's own ({@code SUBJECT#sub / #CRM}), which the access
     * check reads, and the workspace's record of it ({@code WS#ws / CRM#sub}, with the account's
     * address when the identity is a pool account), through which a workspace deletion finds both.
     */
    public static List<TransactWriteItem> register(String table, String workspaceId, String subject,
                                                   Optional<String> accountEmail, Instant at) {
        Item identity = Item.of(TableKeys.subject(subject), TableKeys.CRM_SK).with("type", "crm-identity")
                .with("workspaceId", workspaceId).with("subject", subject).with("createdAt", at);
        Item registration = Item.of(TableKeys.workspace(workspaceId), TableKeys.crmRegistration(subject))
                .with("type", POINTER_TYPE).with("subject", subject).with("createdAt", at);
        accountEmail.ifPresent(email -> registration.with("email", email));
        return List.of(Transactions.putNew(table, identity), Transactions.putNew(table, registration));
    }
}
