package com.salesos.admin.aws.workspaces;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.workspaces.EmailClaim;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes a domain {@link EmailClaim} on the one item per email address of a workspace, whose
 * {@code holder} names the invitation or user holding it. Each claim's {@code allows} rule becomes
 * the item's condition, so the address stays unique also under concurrent requests.
 */
public final class EmailGuard {

    private EmailGuard() {
    }

    public static TransactWriteItem step(String table, String workspaceId, EmailClaim claim) {
        Map<String, AttributeValue> key = Item.key(TableKeys.workspace(workspaceId), TableKeys.email(claim.email().value()));
        if (claim instanceof EmailClaim.Take take) {
            // Allowed only while nobody holds the address: the item must not exist.
            return Transactions.putNew(table, Item.of(TableKeys.workspace(workspaceId), TableKeys.email(claim.email().value()))
                    .with("holder", holderKey(take.by())));
        }
        if (claim instanceof EmailClaim.Release release) {
            return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                    .conditionExpression("holder = :h")
                    .expressionAttributeValues(Map.of(":h", Item.s(holderKey(release.holder()))))).build();
        }
        EmailClaim.Transfer transfer = (EmailClaim.Transfer) claim;
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
                .updateExpression("SET holder = :to")
                .conditionExpression("holder = :from")
                .expressionAttributeValues(Map.of(":from", Item.s(holderKey(transfer.from())),
                        ":to", Item.s(holderKey(transfer.to()))))).build();
    }

    /** The holder as stored: the holder's own sort key. */
    private static String holderKey(EmailClaim.Holder holder) {
        return holder instanceof EmailClaim.Holder.PendingInvitation
                ? TableKeys.invitation(holder.id()) : TableKeys.user(holder.id());
    }
}
