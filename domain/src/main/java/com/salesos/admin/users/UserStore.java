package com.salesos.admin.users;

import com.salesos.admin.access.UserStatus;
import com.salesos.admin.access.Role;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.seats.Seats;
import java.util.Optional;

/**
 * Port: the users of a workspace. Status and role changes commit together with the seat counter,
 * the active-Admin counter and the custom-role holder counts they affect, with conditions that
 * keep the invariants (seats never above the limit, at least one active Admin, no user left in a
 * deleted role) under concurrent requests.
 */
public interface UserStore {

    Optional<User> find(String workspaceId, String userId);

    Page<User> list(String workspaceId, UserFilter filter, PageRequest page);

    /** Replaces role and/or team, if the user is still as {@code current} shows. */
    Change update(User current, Role from, Role to, User updated, AuditEvent audit);

    /** ACTIVE to DEACTIVATED: frees the seat; refused for the last active Admin. */
    Change deactivate(User current, AuditEvent audit);

    /** DEACTIVATED to ACTIVE: takes a seat; refused when none is free. */
    Change reactivate(User current, AuditEvent audit);

    /** Which users a listing should show; empty fields do not filter. */
    record UserFilter(Optional<UserStatus> status, Optional<String> roleId, Optional<String> teamId) {
    }

    sealed interface Change {
        record Done() implements Change {
        }

        /** The user changed meanwhile (another admin was faster); nothing was written. */
        record Stale() implements Change {
        }

        record LastAdmin() implements Change {
        }

        record NoFreeSeat(Seats seats) implements Change {
        }

        /** The target custom role was deleted meanwhile. */
        record RoleGone() implements Change {
        }
    }
}
