package com.salesos.admin.invites;

import com.salesos.admin.access.Caller;
import com.salesos.admin.access.GrantPolicy;
import com.salesos.admin.access.Role;
import com.salesos.admin.common.DisplayText;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.invites.RowOutcome.RowFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks every row of a bulk file goes through before any seat is taken, all of them, so the
 * report names every fault of a row at once. Pure: roles, teams and who holds each address come in
 * from the caller. A row whose address is held by this very file's invitation for that row (an
 * earlier request with the same Idempotency-Key wrote it) is valid and already written.
 */
public final class BulkScreening {

    /**
     * Distinct custom roles one file may use. The file's seats, its lanes and a hold on each custom
     * role it uses commit in one transaction, and DynamoDB takes at most 100 items in one: the
     * workspace's counters, the file, 8 lanes and an idempotency record leave room for 89 holds.
     */
    public static final int MAX_CUSTOM_ROLES = 50;

    private BulkScreening() {
    }

    /** A row that passed every check, with its values cleaned and resolved. */
    public record ValidRow(int row, EmailAddress email, String name, Role role, String teamId, boolean written) {
    }

    /** Who holds an address of the workspace now: a pending invitation (its id) or a user (no id). */
    public record Holder(Optional<String> invitationId) {

        public static Holder user() {
            return new Holder(Optional.empty());
        }

        public static Holder invitation(String id) {
            return new Holder(Optional.of(id));
        }
    }

    public record Screened(List<ValidRow> valid, List<RowOutcome> rejected) {

        public List<ValidRow> toWrite() {
            return valid.stream().filter(r -> !r.written()).toList();
        }

        public List<ValidRow> written() {
            return valid.stream().filter(ValidRow::written).toList();
        }
    }

    /**
     * @param roles  a role reference (id or name) to the workspace's role
     * @param teams  a team reference (id or name) to the team's id
     */
    public static Screened screen(Caller caller, String fileId, List<BulkRow> rows,
                                  Function<String, Optional<Role>> roles, Function<String, Optional<String>> teams,
                                  Map<EmailAddress, Holder> holders) {
        List<ValidRow> valid = new ArrayList<>();
        List<RowOutcome> rejected = new ArrayList<>();
        // Case-insensitive by construction: EmailAddress is the trimmed, lower-cased address.
        Map<EmailAddress, Integer> firstRowOf = new HashMap<>();
        Set<String> customRoles = new HashSet<>();
        for (BulkRow row : rows) {
            List<RowFault> faults = new ArrayList<>();
            if (row.fieldCountFault() != null) {
                faults.add(new RowFault("wrong-field-count", row.fieldCountFault()));
            }
            Optional<EmailAddress> email = EmailAddress.parse(row.email());
            if (isBlank(row.email())) {
                faults.add(new RowFault("email-required", "email is required"));
            } else if (email.isEmpty()) {
                faults.add(new RowFault("invalid-email", "email is not a valid email address"));
            }
            String name = DisplayText.singleLine(row.name());
            if (name.isEmpty()) {
                faults.add(new RowFault("name-required", "name is required"));
            } else if (name.length() > InviteeName.MAX_LENGTH) {
                faults.add(new RowFault("name-too-long", "name must be at most " + InviteeName.MAX_LENGTH + " characters"));
            }
            Optional<Role> role = Optional.empty();
            if (isBlank(row.role())) {
                faults.add(new RowFault("role-required", "role is required"));
            } else {
                role = roles.apply(row.role().strip());
                if (role.isEmpty()) {
                    faults.add(new RowFault("unknown-role", "role '" + DisplayText.singleLine(row.role())
                            + "' is not a role of this workspace"));
                } else if (!GrantPolicy.mayGrant(caller.role(), role.get())) {
                    // Nobody grants more than they hold, row by row as for a single invitation.
                    faults.add(new RowFault("role-not-grantable", "you may not invite with role '" + role.get().name()
                            + "': it carries permissions you do not hold"));
                }
            }
            Optional<String> teamId = Optional.empty();
            if (!isBlank(row.team())) {
                teamId = teams.apply(row.team().strip());
                if (teamId.isEmpty()) {
                    faults.add(new RowFault("unknown-team", "team '" + DisplayText.singleLine(row.team())
                            + "' is not a team of this workspace"));
                }
            }
            boolean written = false;
            if (email.isPresent()) {
                Integer first = firstRowOf.putIfAbsent(email.get(), row.row());
                if (first != null) {
                    faults.add(new RowFault("duplicate-in-file", "the same email is on row " + first));
                } else {
                    Holder holder = holders.get(email.get());
                    String ownId = BulkInvitationIds.of(fileId, row.row());
                    if (holder != null && holder.invitationId().filter(ownId::equals).isPresent()) {
                        written = true;
                    } else if (holder != null) {
                        faults.add(emailTaken());
                    }
                }
            }
            if (faults.isEmpty() && !role.get().builtIn() && !customRoles.contains(role.get().id())) {
                if (customRoles.size() >= MAX_CUSTOM_ROLES) {
                    faults.add(new RowFault("too-many-custom-roles", "a file may use at most " + MAX_CUSTOM_ROLES
                            + " custom roles; invite the rows with role '" + role.get().name() + "' in another file"));
                } else {
                    customRoles.add(role.get().id());
                }
            }
            String shown = row.email() == null ? "" : row.email().strip();
            if (faults.isEmpty()) {
                valid.add(new ValidRow(row.row(), email.get(), name, role.get(), teamId.orElse(null), written));
            } else {
                rejected.add(RowOutcome.rejected(row.row(), shown, faults));
            }
        }
        return new Screened(valid, rejected);
    }

    /** An address a user or another pending invitation holds: found here, or when the row's write lost the race. */
    public static RowFault emailTaken() {
        return new RowFault(InvitationService.EMAIL_TAKEN, "a user or pending invitation of this workspace already has this email");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
