package com.salesos.admin.emulator;

import com.salesos.admin.aws.workspaces.RoleHolders;
import com.salesos.admin.aws.workspaces.EmailGuard;
import com.salesos.admin.aws.workspaces.CounterSteps;
import com.salesos.admin.aws.users.DynamoUsers;
import com.salesos.admin.aws.table.Transactions;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.aws.table.Steps;
import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.access.DynamoCrmIdentities;
import com.salesos.admin.aws.support.DynamoWorkspaceRegistry;
import com.salesos.admin.access.RoleHolding;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.workspaces.CounterChange;
import com.salesos.admin.workspaces.EmailClaim;
import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.AccountDirectory.Opening;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Creates workspaces and their first people directly (support onboarding, the local demo
 * workspace, test fixtures). Users it adds take a seat through the same ledger as every other
 * path, so a seeded workspace obeys the same invariants.
 */
public final class WorkspaceProvisioner {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoAuditLog auditLog;
    private final AccountDirectory accounts;
    private final Clock clock;

    public WorkspaceProvisioner(DynamoDbClient dynamo, String table, AccountDirectory accounts, DynamoAuditLog auditLog,
                                Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * A new workspace on a tier, with a seat limit (support may grant a limit other than the
     * plan's). Its first billing period starts now.
     */
    public void createWorkspace(String workspaceId, String name, String tier, long seatLimit) {
        // The same items support's provisioning writes, so that support lists seeded workspaces too.
        var workspace = new com.salesos.admin.support.WorkspaceSummary(workspaceId, name, tier, seatLimit,
                com.salesos.admin.support.WorkspaceState.ACTIVE, clock.instant());
        dynamo.transactWriteItems(r -> r.transactItems(
                Transactions.putNew(table, DynamoWorkspaceRegistry.workspaceItem(workspace)),
                Transactions.putNew(table, DynamoWorkspaceRegistry.directoryItem(workspace))));
    }

    public void addTeam(String workspaceId, String teamId, String name) {
        dynamo.putItem(r -> r.tableName(table).item(Item.of(TableKeys.workspace(workspaceId), TableKeys.team(teamId))
                .with("type", "team").with("id", teamId).with("name", name).values()));
    }

    /** Opens the sign-in account and adds the active user, taking a seat (refused when none is free). */
    public User addUser(String workspaceId, String userId, String email, String name, String roleId, String teamId,
                        String password) {
        EmailAddress address = EmailAddress.parse(email).orElseThrow(() -> new IllegalArgumentException(email));
        Opening opening = accounts.open(address, password, Optional.empty());
        String subject = opening instanceof Opening.Opened opened
                ? opened.subject() : ((Opening.AlreadyRegistered) opening).subject();
        Instant now = clock.instant();
        User user = new User(userId, workspaceId, address, name, roleId, teamId, UserStatus.ACTIVE, subject, now);
        Steps steps = new Steps()
                .add("user", Transactions.putNew(table, DynamoUsers.toItem(user)))
                .add("principal", Transactions.putNew(table, DynamoUsers.principalItem(user)))
                .add("email", EmailGuard.step(table, workspaceId,
                        new EmailClaim.Take(address, new EmailClaim.Holder.ActiveUser(userId))))
                .add("counters", CounterSteps.step(table, workspaceId,
                        CounterChange.none().takeSeatForUser().gainAdminIf(roleId)))
                .add("role", RoleHolders.step(table, workspaceId, RoleHolding.take(roleId)))
                .add("audit", auditLog.append(new AuditEvent(workspaceId, "support", "user.provisioned", "user", userId,
                        now, Map.of(), Map.of("email", address.value(), "roleId", roleId))));
        dynamo.transactWriteItems(r -> r.transactItems(steps.items()));
        return user;
    }

    /**
     * Registers the CRM's machine identity (a pool account in the {@code crm} group) for a
     * workspace: activities it posts are booked there. It takes no seat and has no role.
     */
    public void registerCrmIdentity(String workspaceId, String subject, Optional<String> accountEmail) {
        dynamo.transactWriteItems(r -> r.transactItems(
                DynamoCrmIdentities.register(table, workspaceId, subject, accountEmail, clock.instant())));
    }

    /** A CRM record (deal, lead, activity) owned by a user; the admin backend reads and reassigns these. */
    public void addRecord(String workspaceId, String kind, String id, String ownerUserId, Map<String, String> fields) {
        Item item = Item.of(TableKeys.workspace(workspaceId), kind.toUpperCase() + "#" + id)
                .with("type", kind).with("id", id).with("ownerUserId", ownerUserId)
                .with("createdAt", clock.instant());
        fields.forEach(item::with);
        dynamo.putItem(r -> r.tableName(table).item(item.values()));
    }
}
