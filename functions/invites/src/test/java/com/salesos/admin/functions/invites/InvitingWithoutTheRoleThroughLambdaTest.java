package com.salesos.admin.functions.invites;

import static com.salesos.admin.emulator.LambdaApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.aws.access.DynamoRoleStore;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.access.Permission;
import com.salesos.admin.access.Role;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.LocalAwsExtension;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.TestWorkspace;
import com.salesos.admin.users.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user manager invites only into roles whose permissions it holds; only an Admin invites an Admin. */
@ExtendWith(LocalAwsExtension.class)
class InvitingWithoutTheRoleThroughLambdaTest {

    static final String WS = "ws-inv-grants";
    static LocalAws aws;
    static LambdaApi api;
    static User peopleOps;

    @BeforeAll
    static void setUp(LocalAws localAws, LambdaApi lambda) {
        aws = localAws;
        TestWorkspace workspace = TestWorkspace.on(aws, WS).name("Inv Grants").tier("team").seatLimit(10)
                .user("usr_admin", "admin@ig.test", "Admin", "admin")
                .build();
        Role people = new Role("role_people", "People Ops", Set.of(Permission.USERS_MANAGE), false);
        new DynamoRoleStore(aws.dynamo(), aws.tableName(), new DynamoAuditLog(aws.tableName(),
                new TimeOrderedIds(Clock.systemUTC(), new SecureRandom()))).create(WS, people,
                new AuditEvent(WS, "usr_admin", "role.created", "role", people.id(), Instant.now(), Map.of(), Map.of()),
                Optional.empty(), com.salesos.admin.access.RoleService.MAX_CUSTOM_ROLES);
        peopleOps = workspace.addUser("usr_po", "po@ig.test", "Pat People", "role_people", null);
        api = lambda;
    }

    @Test
    void inviting_as_admin_or_with_permissions_the_caller_lacks_is_refused_and_sends_nothing(SentEmails emails) {
        int sent = emails.all().size();

        var asAdmin = api.call("POST", "/v1/invitations", json("email", "boss@out.test", "name", "Boss", "role", "admin"),
                peopleOps.subject());
        var asManager = api.call("POST", "/v1/invitations", json("email", "coach@out.test", "name", "Coach", "role", "Manager"),
                peopleOps.subject());

        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(403);
        assertThat(asAdmin.json().path("type").asText()).endsWith("/grant-not-held");
        assertThat(asManager.status()).as(asManager.body()).isEqualTo(403);
        assertThat(asManager.json().path("missingPermissions").toString()).isEqualTo("[\"gamification.manage\"]");
        assertThat(emails.all()).hasSize(sent);
        assertThat(api.call("GET", "/v1/invitations", null, peopleOps.subject()).json().path("items").size()).isZero();

        var asRep = api.call("POST", "/v1/invitations", json("email", "rep@out.test", "name", "Rep", "role", "sales-rep"),
                peopleOps.subject());
        assertThat(asRep.status()).as(asRep.body()).isEqualTo(201);
    }
}
