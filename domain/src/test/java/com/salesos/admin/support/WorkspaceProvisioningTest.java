package com.salesos.admin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.DeliveryStatus;
import com.salesos.admin.invites.Invitation;
import com.salesos.admin.invites.InvitationMailer;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.invites.InvitationStatus;
import com.salesos.admin.invites.InvitationStore;
import com.salesos.admin.invites.InvitationToken.TokenHash;
import com.salesos.admin.invites.SendLimits;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.users.User;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provisioning with in-memory ports: the workspace, its audit record and the first Admin's invitation. */
class WorkspaceProvisioningTest {

    static final SupportStaff STAFF = new SupportStaff("sub-staff");

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    final InMemoryRegistry registry = new InMemoryRegistry();
    final InMemoryInvitations invitationStore = new InMemoryInvitations();
    final List<InvitationMailer.InvitationEmail> sent = new ArrayList<>();
    final PlanCatalog plans = PlanCatalog.read(WorkspaceProvisioningTest.class.getResourceAsStream("/plan-catalog.properties"));

    final InvitationService invitations = new InvitationService(invitationStore, (ws, ref) -> BuiltInRoles.find(ref),
            new WorkspaceDirectory() {
                public Optional<String> name(String workspaceId) {
                    return registry.find(workspaceId).map(WorkspaceSummary::name);
                }

                public boolean deleted(String workspaceId) {
                    return false;
                }

                public boolean teamExists(String workspaceId, String teamId) {
                    return false;
                }

                public List<Team> teams(String workspaceId) {
                    return List.of();
                }
            },
            sent::add,
            new AccountDirectory() {
                public Opening open(EmailAddress email, String password, Optional<String> invitationId) {
                    throw new AssertionError("provisioning opens no account: the invitee does, by accepting");
                }

                public void close(String subject, EmailAddress email) {
                    throw new AssertionError("provisioning closes no account");
                }

                public Optional<String> openedBy(String invitationId, EmailAddress email) {
                    throw new AssertionError("provisioning looks up no account");
                }
            },
            subject -> Optional.empty(), SendLimits.STANDARD, new TimeOrderedIds(clock, new SecureRandom()),
            new SecureRandom(), clock);

    final WorkspaceProvisioning provisioning = new WorkspaceProvisioning(registry, plans, invitations,
            new TimeOrderedIds(clock, new SecureRandom()), clock);

    static ProvisionRequest request(String name, Long seatLimit) {
        return new ProvisionRequest(name, "team", seatLimit, "Ada@Acme.test ", "Ada", "SUP-1");
    }

    @Test
    void a_provisioned_workspace_has_the_tiers_seat_limit_unless_support_grants_another() {
        var byTier = provisioning.provision(STAFF, request("Acme", null), Optional.empty()).workspace();
        var granted = provisioning.provision(STAFF, request("Initech", 3L), Optional.empty()).workspace();

        assertThat(byTier.seatLimit()).isEqualTo(10);
        assertThat(granted.seatLimit()).isEqualTo(3);
        assertThat(byTier.state()).isEqualTo(WorkspaceState.ACTIVE);
        assertThat(byTier.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void the_first_admin_is_invited_with_the_admin_role_and_gets_the_invitation_email_naming_the_workspace() {
        var provisioned = provisioning.provision(STAFF, request("Acme", null), Optional.empty());

        Invitation invitation = provisioned.adminInvitation();
        assertThat(invitation.workspaceId()).isEqualTo(provisioned.workspace().id());
        assertThat(invitation.roleId()).isEqualTo("admin");
        assertThat(invitation.email().value()).isEqualTo("ada@acme.test");
        assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(invitation.delivery()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent).singleElement().satisfies(email -> {
            assertThat(email.workspaceName()).isEqualTo("Acme");
            assertThat(email.invitedBy()).isEqualTo("SalesOS Support");
        });
    }

    @Test
    void provisioning_is_audited_under_the_staff_member_with_the_ticket() {
        var provisioned = provisioning.provision(STAFF, request("Acme", 7L), Optional.empty());

        AuditEvent audit = registry.audits.get(0);
        assertThat(audit.actorUserId()).isEqualTo("support:sub-staff");
        assertThat(audit.action()).isEqualTo("workspace.provisioned");
        assertThat(audit.targetId()).isEqualTo(provisioned.workspace().id());
        assertThat(Map.<String, Object>copyOf(audit.after())).containsEntry("ticket", "SUP-1").containsEntry("seatLimit", 7L)
                .containsEntry("tier", "team").containsEntry("name", "Acme");
        assertThat(invitationStore.audits).singleElement()
                .satisfies(a -> assertThat(a.actorUserId()).isEqualTo("support:sub-staff"));
    }

    @Test
    void every_invalid_field_is_reported_and_nothing_is_created_or_sent() {
        assertThatThrownBy(() -> provisioning.provision(STAFF,
                new ProvisionRequest("", "gold", 0L, "not-an-email", " ", null), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("name", "tier", "seatLimit", "admin.email", "admin.name", "ticket");
                });
        assertThat(registry.workspaces).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void an_admin_name_the_invitation_would_refuse_registers_no_workspace() {
        // The invitation is made after the workspace is registered; a name it refuses must be
        // refused first, or a workspace without an Admin or an invitation would stay behind.
        assertThatThrownBy(() -> provisioning.provision(STAFF,
                new ProvisionRequest("Acme", "team", null, "ann@acme.test", "A".repeat(201), "SUP-1"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("admin.name"));
        assertThat(registry.workspaces).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void a_retry_with_the_same_key_finds_the_workspace_and_finishes_an_invitation_an_earlier_try_did_not_make() {
        invitationStore.failNextCreate = true;
        assertThatThrownBy(() -> provisioning.provision(STAFF, request("Acme", null), Optional.of("k-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(registry.workspaces).hasSize(1);
        assertThat(sent).isEmpty();

        var retried = provisioning.provision(STAFF, request("Acme", null), Optional.of("k-1"));
        var again = provisioning.provision(STAFF, request("Acme", null), Optional.of("k-1"));

        assertThat(registry.workspaces).hasSize(1);
        assertThat(retried.workspace().id()).isEqualTo(registry.workspaces.keySet().iterator().next());
        assertThat(retried.replayed()).as("the invitation was made only now").isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.adminInvitation().id()).isEqualTo(retried.adminInvitation().id());
        assertThat(sent).hasSize(1);
    }

    @Test
    void a_key_reused_for_another_workspace_is_refused() {
        provisioning.provision(STAFF, request("Acme", null), Optional.of("k-1"));

        assertThatThrownBy(() -> provisioning.provision(STAFF, request("Globex", null), Optional.of("k-1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
        assertThat(registry.workspaces).hasSize(1);
    }

    /** Workspaces, their audit records and support's idempotency keys, as the table keeps them. */
    static final class InMemoryRegistry implements WorkspaceRegistry {
        final Map<String, WorkspaceSummary> workspaces = new LinkedHashMap<>();
        final List<AuditEvent> audits = new ArrayList<>();
        final Map<String, IdempotencyKey> keys = new LinkedHashMap<>();
        final Map<String, String> keyResources = new LinkedHashMap<>();

        @Override
        public Registration register(WorkspaceSummary workspace, AuditEvent audit, Optional<IdempotencyKey> key) {
            if (key.isPresent() && keys.containsKey(key.get().key())) {
                return new Registration.Replayed(keyResources.get(key.get().key()),
                        keys.get(key.get().key()).fingerprint().equals(key.get().fingerprint()));
            }
            key.ifPresent(k -> {
                keys.put(k.key(), k);
                keyResources.put(k.key(), workspace.id());
            });
            workspaces.put(workspace.id(), workspace);
            audits.add(audit);
            return new Registration.Registered(workspace);
        }

        @Override
        public Page<WorkspaceSummary> list(PageRequest page) {
            return new Page<>(List.copyOf(workspaces.values()), Optional.empty());
        }

        @Override
        public Optional<WorkspaceSummary> find(String workspaceId) {
            return Optional.ofNullable(workspaces.get(workspaceId));
        }
    }

    /**
     * Just what provisioning asks of the invitation store: create (with its idempotency key),
     * find, record the delivery. Seats and email claims are the adapter's business, proven by the
     * integration tests; a crash can be played on the next create.
     */
    static final class InMemoryInvitations implements InvitationStore {
        final Map<String, Invitation> invitations = new LinkedHashMap<>();
        final Map<String, String> keyResources = new LinkedHashMap<>();
        final Map<String, String> fingerprints = new LinkedHashMap<>();
        final List<AuditEvent> audits = new ArrayList<>();
        boolean failNextCreate;

        @Override
        public Creation create(Invitation invitation, AuditEvent audit, Optional<IdempotencyKey> key, SendLimits limits) {
            if (failNextCreate) {
                failNextCreate = false;
                throw new IllegalStateException("the store went away");
            }
            String scoped = key.map(k -> invitation.workspaceId() + "#" + k.callerUserId() + "#" + k.key()).orElse(null);
            if (scoped != null && keyResources.containsKey(scoped)) {
                return new Creation.Replayed(keyResources.get(scoped), fingerprints.get(scoped).equals(key.get().fingerprint()));
            }
            if (scoped != null) {
                keyResources.put(scoped, invitation.id());
                fingerprints.put(scoped, key.get().fingerprint());
            }
            invitations.put(invitation.id(), invitation);
            audits.add(audit);
            return new Creation.Created(invitation);
        }

        @Override
        public Optional<Invitation> find(String workspaceId, String invitationId) {
            return Optional.ofNullable(invitations.get(invitationId)).filter(i -> i.workspaceId().equals(workspaceId));
        }

        @Override
        public Page<Invitation> list(String workspaceId, Optional<InvitationStatus> status, PageRequest page) {
            return new Page<>(invitations.values().stream().filter(i -> i.workspaceId().equals(workspaceId)).toList(),
                    Optional.empty());
        }

        @Override
        public void recordDelivery(Invitation invitation, DeliveryStatus delivery) {
            invitations.computeIfPresent(invitation.id(), (id, i) -> i.withDelivery(delivery));
        }

        @Override
        public Reissue reissue(Invitation current, Invitation reissued, AuditEvent audit, SendLimits limits, Instant at) {
            throw new AssertionError("provisioning never resends");
        }

        @Override
        public boolean revoke(Invitation current, AuditEvent audit) {
            throw new AssertionError("provisioning never revokes");
        }

        @Override
        public Optional<TokenGrant> findToken(TokenHash hash) {
            throw new AssertionError("provisioning never reads a link");
        }

        @Override
        public Acceptance accept(Invitation invitation, User user, AuditEvent audit) {
            throw new AssertionError("provisioning never accepts");
        }
    }
}
