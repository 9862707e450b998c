package com.salesos.admin.emulator;

import com.salesos.admin.users.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A workspace seeded for a test, through {@link WorkspaceProvisioner} (so seeded users take seats
 * the way every other path does):
 * <pre>{@code
 * TestWorkspace acme = TestWorkspace.on(aws, "ws-acme").name("Acme").seatLimit(10)
 *         .team("team-east", "East")
 *         .user("usr_admin", "admin@acme.test", "Ada Admin", "admin")
 *         .admin().members(3).crm()
 *         .build();
 * User admin = acme.user("usr_admin");
 * }</pre>
 * Everything is created in the order it was declared. Every person signs in with {@link #PASSWORD}.
 */
public final class TestWorkspace {

    /** The one password of every seeded person; it satisfies the template's password policy. */
    public static final String PASSWORD = "Correct-Horse-9-Battery";

    private final LocalAws aws;
    private final String id;
    private final Map<String, User> users;
    private final CrmAccount crm;

    private TestWorkspace(LocalAws aws, String id, Map<String, User> users, CrmAccount crm) {
        this.aws = aws;
        this.id = id;
        this.users = users;
        this.crm = crm;
    }

    /** A workspace to be created with this id, on the team tier with 10 seats unless told otherwise. */
    public static Builder on(LocalAws aws, String workspaceId) {
        return new Builder(aws, workspaceId);
    }

    public String id() {
        return id;
    }

    /** A user the builder seeded (or {@link #addUser} added), by id. */
    public User user(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new IllegalArgumentException("No seeded user " + userId + " in " + id + "; seeded: " + users.keySet());
        }
        return user;
    }

    /** The first seeded user holding the built-in admin role. */
    public User admin() {
        return users.values().stream().filter(u -> u.roleId().equals("admin")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No admin seeded in " + id));
    }

    /** The CRM's machine identity, if the builder was asked for one. */
    public CrmAccount crm() {
        if (crm == null) {
            throw new IllegalStateException("No CRM account opened for " + id + "; call crm() on the builder");
        }
        return crm;
    }

    /** A Cognito access token for the seeded user, signed in with the shared password (as the frontend would). */
    public String accessToken(String userId) {
        return aws.signIn().accessToken(user(userId).email().value(), PASSWORD);
    }

    /** Adds an active user after the workspace was built (e.g. once a custom role it holds exists). */
    public User addUser(String userId, String email, String name, String roleId, String teamId) {
        User user = aws.workspaces().addUser(id, userId, email, name, roleId, teamId, PASSWORD);
        users.put(userId, user);
        return user;
    }

    /** What to create; nothing touches the emulator before {@link #build()}. */
    public static final class Builder {

        private final LocalAws aws;
        private final String id;
        private String name;
        private String tier = "team";
        private long seatLimit = 10;
        private final List<Consumer<Map<String, User>>> steps = new ArrayList<>();
        private boolean crm;

        private Builder(LocalAws aws, String id) {
            this.aws = aws;
            this.id = id;
            this.name = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder tier(String tier) {
            this.tier = tier;
            return this;
        }

        public Builder seatLimit(long seatLimit) {
            this.seatLimit = seatLimit;
            return this;
        }

        public Builder team(String teamId, String teamName) {
            steps.add(seeded -> aws.workspaces().addTeam(id, teamId, teamName));
            return this;
        }

        public Builder user(String userId, String email, String name, String roleId) {
            return user(userId, email, name, roleId, null);
        }

        /** An active user of a role (a built-in role id or one already stored), optionally on a team. */
        public Builder user(String userId, String email, String name, String roleId, String teamId) {
            steps.add(seeded -> seeded.put(userId, aws.workspaces().addUser(id, userId, email, name, roleId, teamId, PASSWORD)));
            return this;
        }

        /** An admin {@code usr_<workspace>_admin}, {@code admin@<workspace>.test}. */
        public Builder admin() {
            return user("usr_" + id + "_admin", "admin@" + id + ".test", "Admin", "admin");
        }

        /** A manager {@code usr_<workspace>_mgr}, {@code mgr@<workspace>.test}. */
        public Builder manager() {
            return user("usr_" + id + "_mgr", "mgr@" + id + ".test", "Manager", "manager");
        }

        /** {@code count} sales reps {@code usr_<workspace>_<i>}, {@code u<i>@<workspace>.test}, named {@code U<i>}, i from 0. */
        public Builder members(int count) {
            for (int i = 0; i < count; i++) {
                user("usr_" + id + "_" + i, "u" + i + "@" + id + ".test", "U" + i, "sales-rep");
            }
            return this;
        }

        /** A CRM deal owned by a user, with the given fields (name, stage, amount...). */
        public Builder deal(String dealId, String ownerUserId, Map<String, String> fields) {
            return record("deal", dealId, ownerUserId, fields);
        }

        /** A CRM record of a kind (deal, lead, activity) owned by a user, as the CRM writes it. */
        public Builder record(String kind, String recordId, String ownerUserId, Map<String, String> fields) {
            steps.add(seeded -> aws.workspaces().addRecord(id, kind, recordId, ownerUserId, fields));
            return this;
        }

        /** Opens the CRM's machine identity for the workspace, after everything else. */
        public Builder crm() {
            this.crm = true;
            return this;
        }

        public TestWorkspace build() {
            aws.workspaces().createWorkspace(id, name, tier, seatLimit);
            Map<String, User> seeded = new LinkedHashMap<>();
            steps.forEach(step -> step.accept(seeded));
            return new TestWorkspace(aws, id, seeded, crm ? aws.openCrmAccount(id) : null);
        }
    }
}
