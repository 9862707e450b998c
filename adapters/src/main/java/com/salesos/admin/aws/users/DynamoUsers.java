package com.salesos.admin.aws.users;

import com.salesos.admin.aws.table.Item;
import com.salesos.admin.aws.table.TableKeys;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;

/** How users and their sign-in principal are laid out as items. */
public final class DynamoUsers {

    private DynamoUsers() {
    }

    public static Item toItem(User user) {
        return Item.of(TableKeys.workspace(user.workspaceId()), TableKeys.user(user.id()))
                .with("type", "user")
                .with("id", user.id())
                .with("workspaceId", user.workspaceId())
                .with("email", user.email().value())
                .with("name", user.name())
                .with("roleId", user.roleId())
                .with("teamId", user.teamId())
                .with("status", user.status().name())
                .with("subject", user.subject())
                .with("createdAt", user.createdAt());
    }

    /** Maps the identity provider's subject to the workspace user; "must not exist" keeps it one-to-one. */
    public static Item principalItem(User user) {
        return Item.of(TableKeys.subject(user.subject()), TableKeys.PRINCIPAL_SK)
                .with("workspaceId", user.workspaceId())
                .with("userId", user.id());
    }

    public static User fromItem(Item item) {
        return new User(item.string("id"), item.string("workspaceId"), new EmailAddress(item.string("email")),
                item.string("name"), item.string("roleId"), item.string("teamId"),
                UserStatus.valueOf(item.string("status")), item.string("subject"), item.instant("createdAt"));
    }
}
