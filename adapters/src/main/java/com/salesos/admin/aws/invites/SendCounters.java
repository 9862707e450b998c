package com.salesos.admin.aws.invites;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.TableKeys;
import static com.salesos.admin.aws.table.Item.n;

import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.InvitationStore.SendLimitReached;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.invites.SendLimits.Limit;
import com.salesos.admin.invites.SendLimits.Scope;
import com.salesos.admin.invites.SendLimits.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Counts invitation emails per fixed window, as steps of the transaction that commits the send.
 * Each count is a conditional {@code ADD}: two sends racing for the last slot cannot both get it,
 * and a send that the limit (or any other rule of the transaction) refuses counts nothing. The
 * window start is part of the key, so a new window starts from zero without any reset; the ttl
 * lets DynamoDB delete counters of past windows.
 */
final class SendCounters {

    private final String table;

    SendCounters(String table) {
        this.table = table;
    }

    /** Adds one counting step per limit for an email to this address, named after its scope. */
    Steps count(Steps steps, String workspaceId, EmailAddress to, SendLimits limits, Instant at) {
        Window workspace = limits.perWorkspace().windowAt(at);
        Window address = limits.perAddress().windowAt(at);
        return steps
                .add(Scope.WORKSPACE.name(), step(TableKeys.workspace(workspaceId), TableKeys.workspaceSends(workspace.start()),
                        limits.perWorkspace(), workspace))
                .add(Scope.ADDRESS.name(), step(TableKeys.workspace(workspaceId), TableKeys.addressSends(to.mailbox(), address.start()),
                        limits.perAddress(), address));
    }

    /** The limit that cancelled the transaction, if one did; the workspace's is reported first. */
    static Optional<SendLimitReached> refusal(Steps steps, List<CancellationReason> reasons, SendLimits limits,
                                              Instant at) {
        for (Scope scope : Scope.values()) {
            if (steps.failed(reasons, scope.name())) {
                return Optional.of(new SendLimitReached(scope, limits.of(scope).windowAt(at).end()));
            }
        }
        return Optional.empty();
    }

    private TransactWriteItem step(String pk, String sk, Limit limit, Window window) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Item.key(pk, sk))
                .updateExpression("ADD sends :one SET #ttl = :ttl")
                .conditionExpression("attribute_not_exists(sends) OR sends < :max")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(limit.sends()),
                        ":ttl", n(window.end().getEpochSecond())))).build();
    }
}
