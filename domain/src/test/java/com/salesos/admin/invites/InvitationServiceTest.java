package com.salesos.admin.invites;

import com.salesos.admin.testing.MovableClock;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.common.IdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesos.admin.access.BuiltInRoles;
import com.salesos.admin.access.Caller;
import com.salesos.admin.audit.AuditEvent;
import com.salesos.admin.common.Page;
import com.salesos.admin.common.PageRequest;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.invites.InvitationStore.Acceptance;
import com.salesos.admin.invites.InvitationStore.SendLimitReached;
import com.salesos.admin.invites.InvitationToken.TokenHash;
import com.salesos.admin.problems.DomainException;
import com.salesos.admin.problems.FieldError;
import com.salesos.admin.problems.ProblemKind;
import com.salesos.admin.users.User;
import com.salesos.admin.access.UserStatus;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invitation rules with in-memory ports: no I/O, time moved by a fixed clock. */
class InvitationServiceTest {

    /** Small limits, so that a test reaches them in a few steps: 5 an hour per workspace, 2 a day per address. */
    static final SendLimits LIMITS = new SendLimits(new SendLimits.Limit(5, Duration.ofHours(1)),
            new SendLimits.Limit(2, Duration.ofDays(1)));
    static final Caller ADMIN = new Caller("ws", "usr_admin", "admin@x.test", "Name", null, BuiltInRoles.ADMIN, UserStatus.ACTIVE);

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    final InMemoryInvitations store = new InMemoryInvitations();
    final List<InvitationMailer.InvitationEmail> sent = new ArrayList<>();
    boolean mailDown;
    final List<String> accountsOpened = new ArrayList<>();
    /** Accounts already at the identity provider: address to the invitation that opened it, if any. */
    final Map<String, Optional<String>> existingAccounts = new HashMap<>();
    /** The subject of each account in {@link #existingAccounts}. */
    final Map<String, String> subjects = new HashMap<>();
    final List<String> accountsClosed = new ArrayList<>();
    final Map<String, Instant> openedAt = new HashMap<>();

    final InvitationService service = new InvitationService(store,
            (ws, ref) -> BuiltInRoles.find(ref),
            new WorkspaceDirectory() {
                public Optional<String> name(String workspaceId) {
                    return Optional.of("Acme");
                }

                public boolean deleted(String workspaceId) {
                    return false;
                }

                public boolean teamExists(String workspaceId, String teamId) {
                    return teamId.equals("team-east");
                }

                public List<Team> teams(String workspaceId) {
                    return List.of(new Team("team-east", "East"));
                }
            },
            email -> {
                if (mailDown) {
                    throw new com.salesos.admin.common.MailNotSent("down", null);
                }
                sent.add(email);
            },
            new AccountDirectory() {
                public Opening open(EmailAddress email, String password, Optional<String> invitationId) {
                    if (existingAccounts.containsKey(email.value())) {
                        return new Opening.AlreadyRegistered(subjects.get(email.value()), existingAccounts.get(email.value()),
                                openedAt.getOrDefault(email.value(), Instant.EPOCH));
                    }
                    // Like Cognito: every new account gets a new subject, even for an address seen before.
                    String subject = "sub-" + email.value() + "-" + (accountsOpened.size() + 1);
                    accountsOpened.add(email.value());
                    existingAccounts.put(email.value(), invitationId);
                    subjects.put(email.value(), subject);
                    openedAt.put(email.value(), clock.instant());
                    return new Opening.Opened(subject);
                }

                public void close(String subject, EmailAddress email) {
                    if (subject.equals(subjects.get(email.value()))) {
                        existingAccounts.remove(email.value());
                        subjects.remove(email.value());
                        accountsClosed.add(subject);
                    }
                }

                public Optional<String> openedBy(String invitationId, EmailAddress email) {
                    return existingAccounts.getOrDefault(email.value(), Optional.empty()).filter(invitationId::equals)
                            .map(id -> subjects.get(email.value()));
                }
            },
            subject -> Optional.empty(),
            LIMITS, new TimeOrderedIds(clock, new SecureRandom()), new SecureRandom(), clock);

    @Test
    void every_invalid_field_is_reported_and_nothing_is_stored_or_sent() {
        assertThatThrownBy(() -> service.invite(ADMIN, new InvitationRequest("nope", " ", "Overlord", "team-x"), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("email", "name", "role", "teamId");
                });
        assertThat(store.invitations).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void an_invitation_expires_seven_days_after_it_is_sent_and_the_email_carries_the_token_not_the_hash() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();

        assertThat(invitation.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).token().hash()).isEqualTo(invitation.tokenHash());
        assertThat(store.invitations.get(invitation.id()).delivery()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void the_name_is_stored_as_one_line_without_control_characters() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test",
                "Ann\r\n\r\nYour account is locked:\thttp://evil.test\u202E", "manager", null), Optional.empty()).invitation();

        assertThat(invitation.name()).isEqualTo("Ann Your account is locked: http://evil.test");
        assertThat(store.invitations.get(invitation.id()).name()).isEqualTo(invitation.name());
    }

    @Test
    void a_name_of_only_line_breaks_is_missing() {
        assertThatThrownBy(() -> service.invite(ADMIN, new InvitationRequest("a@x.test", "\r\n\t\u200B", "manager", null), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
    }

    @Test
    void a_mail_outage_leaves_the_invitation_marked_failed() {
        mailDown = true;
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();

        assertThat(invitation.delivery()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.invitations.get(invitation.id()).isPending()).isTrue();
    }

    @Test
    void a_link_used_after_its_expiry_is_gone_and_opens_no_account() {
        service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty());
        String token = sent.get(0).token().value();
        clock.advance(Duration.ofDays(7));

        assertThatThrownBy(() -> service.accept(token, "Passw0rd-Passw0rd"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.GONE));
        assertThat(accountsOpened).isEmpty();
    }

    @Test
    void a_link_one_second_before_expiry_still_works() {
        service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", "team-east"), Optional.empty());
        String token = sent.get(0).token().value();
        clock.advance(Duration.ofDays(7).minusSeconds(1));

        User user = service.accept(token, "Passw0rd-Passw0rd");

        assertThat(user.roleId()).isEqualTo("manager");
        assertThat(user.teamId()).isEqualTo("team-east");
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void a_password_outside_cognitos_own_limits_is_refused_before_any_account_is_opened() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();
        String token = sent.get(0).token().value();

        for (String password : List.of("Passw0rd-" + "x".repeat(248), " Passw0rd-Passw0rd", "Passw0rd-Passw0rd\t")) {
            assertThatThrownBy(() -> service.accept(token, password))
                    .as("%d characters", password.length())
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("password");
                    });
        }
        assertThat(accountsOpened).isEmpty();
        assertThat(store.invitations.get(invitation.id()).isPending()).isTrue();
        // 256 characters is still Cognito's to judge, and here accepted.
        assertThat(service.accept(token, "Passw0rd-" + "x".repeat(247)).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void an_unknown_token_is_not_found() {
        assertThatThrownBy(() -> service.accept("made-up", "Passw0rd-Passw0rd"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
    }

    @Test
    void an_idempotency_key_reused_for_a_different_request_is_refused() {
        service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.of("k1"));

        assertThatThrownBy(() -> service.invite(ADMIN, new InvitationRequest("b@x.test", "B", "manager", null), Optional.of("k1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("idempotency-key-reused"));
        assertThat(store.invitations).hasSize(1);
    }

    @Test
    void an_account_that_no_invitation_opened_is_not_taken_over_even_when_no_workspace_user_owns_it() {
        leftAccount("support@x.test", Optional.empty());
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("support@x.test", "S", "admin", null), Optional.empty()).invitation();

        assertThatThrownBy(() -> service.accept(sent.get(0).token().value(), "Passw0rd-Passw0rd"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("account-exists"));
        assertThat(accountsClosed).isEmpty();
        assertThat(accountsOpened).isEmpty();
        assertThat(store.invitations.get(invitation.id()).isPending()).isTrue();
    }

    @Test
    void an_account_another_invitation_opened_is_not_taken_over() {
        leftAccount("a@x.test", Optional.of("inv_other"));
        service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty());

        assertThatThrownBy(() -> service.accept(sent.get(0).token().value(), "Passw0rd-Passw0rd"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo("account-exists"));
        assertThat(accountsClosed).isEmpty();
        assertThat(accountsOpened).isEmpty();
    }

    @Test
    void the_account_this_invitation_opened_before_a_crash_is_replaced_by_a_fresh_account_with_a_new_subject() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();
        leftAccount("a@x.test", Optional.of(invitation.id()));

        User user = service.accept(sent.get(0).token().value(), "Passw0rd-Passw0rd");

        // Whoever chose the leftover's password may hold a token for its subject: it must map to nobody.
        assertThat(accountsClosed).containsExactly("sub-leftover");
        assertThat(user.subject()).isNotEqualTo("sub-leftover").isEqualTo(subjects.get("a@x.test"));
        assertThat(existingAccounts).containsEntry("a@x.test", Optional.of(invitation.id()));
        assertThat(user.id()).isEqualTo("usr_" + invitation.id().substring(invitation.id().indexOf('_') + 1));
        assertThat(store.invitations.get(invitation.id()).status()).isEqualTo(InvitationStatus.ACCEPTED);
    }

    @Test
    void an_accept_the_store_refuses_closes_the_account_it_just_opened() {
        Map<Acceptance, String> refusals = Map.of(new Acceptance.NoLongerPending(), "invitation-token-unknown",
                new Acceptance.AccountTaken(), "account-exists",
                // Nobody joins a workspace whose deletion is confirmed or running.
                new Acceptance.WorkspaceLocked("del_1"), "workspace-being-deleted");
        refusals.forEach((refusal, type) -> {
            String address = type + "@x.test";
            service.invite(ADMIN, new InvitationRequest(address, "A", "manager", null), Optional.empty());
            store.acceptAnswer = Optional.of(refusal);

            assertThatThrownBy(() -> service.accept(sent.get(sent.size() - 1).token().value(), "Passw0rd-Passw0rd"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(type));

            assertThat(accountsOpened).as(type).contains(address);
            assertThat(existingAccounts).as("no account keeps the refused caller's password").doesNotContainKey(address);
        });
        assertThat(accountsClosed).hasSize(3);
    }

    @Test
    void a_refused_accept_of_a_leftover_closes_both_the_leftover_and_the_account_it_opened() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();
        leftAccount("a@x.test", Optional.of(invitation.id()));
        store.acceptAnswer = Optional.of(new Acceptance.NoLongerPending());

        assertThatThrownBy(() -> service.accept(sent.get(0).token().value(), "Passw0rd-Passw0rd"))
                .isInstanceOf(DomainException.class);

        assertThat(accountsClosed).hasSize(2).first().isEqualTo("sub-leftover");
        assertThat(existingAccounts).doesNotContainKey("a@x.test");
    }

    @Test
    void a_leftover_younger_than_an_accept_can_run_may_be_a_concurrent_accept_and_is_left_alone() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();
        leftAccount("a@x.test", Optional.of(invitation.id()));
        openedAt.put("a@x.test", clock.instant().minusSeconds(25));
        String token = sent.get(0).token().value();

        assertThatThrownBy(() -> service.accept(token, "Passw0rd-Passw0rd"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("accept-in-progress");
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.extensions()).containsEntry(DomainException.RETRY_AFTER, 5L);
                });
        assertThat(accountsClosed).isEmpty();
        assertThat(accountsOpened).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        assertThat(service.accept(token, "Passw0rd-Passw0rd").subject()).isNotEqualTo("sub-leftover");
    }

    /** An account already at the identity provider, with the subject {@code sub-leftover}, opened long ago. */
    private void leftAccount(String address, Optional<String> openedByInvitation) {
        existingAccounts.put(address, openedByInvitation);
        subjects.put(address, "sub-leftover");
    }

    @Test
    void resends_to_one_address_stop_at_its_limit_until_the_next_utc_day_and_a_refused_resend_changes_nothing() {
        Invitation invitation = service.invite(ADMIN, new InvitationRequest("a@x.test", "A", "manager", null), Optional.empty()).invitation();
        Invitation resent = service.resend(ADMIN, invitation.id());

        assertThatThrownBy(() -> service.resend(ADMIN, invitation.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
                    assertThat(e.type()).isEqualTo("invitation-emails-limited");
                    // 09:00 UTC: the address's day window ends at midnight, 15 hours on.
                    assertThat(e.extensions()).containsEntry(DomainException.RETRY_AFTER, 15 * 3600L);
                    assertThat(e.detail()).contains("a@x.test");
                });
        assertThat(sent).hasSize(2);
        assertThat(store.invitations.get(invitation.id()).tokenHash()).isEqualTo(resent.tokenHash());
        String secondLink = sent.get(1).token().value();

        clock.advance(Duration.ofHours(15));
        service.resend(ADMIN, invitation.id());
        assertThat(sent).hasSize(3);
        assertThatThrownBy(() -> service.accept(secondLink, "Passw0rd-Passw0rd")).isInstanceOf(DomainException.class);
    }

    @Test
    void the_workspace_limit_counts_every_address_and_a_refused_invite_stores_nothing() {
        for (int i = 0; i < 5; i++) {
            service.invite(ADMIN, new InvitationRequest("p" + i + "@x.test", "P", "manager", null), Optional.empty());
        }
        clock.advance(Duration.ofMinutes(59));

        assertThatThrownBy(() -> service.invite(ADMIN, new InvitationRequest("late@x.test", "L", "manager", null), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
                    assertThat(e.extensions()).containsEntry(DomainException.RETRY_AFTER, 60L);
                });
        assertThat(store.invitations).hasSize(5);
        assertThat(sent).hasSize(5);

        clock.advance(Duration.ofMinutes(1));
        service.invite(ADMIN, new InvitationRequest("late@x.test", "L", "manager", null), Optional.empty());
        assertThat(sent).hasSize(6);
    }


    /** Keeps invitations in maps; enough of the store's contract for the use-case rules. */
    static final class InMemoryInvitations implements InvitationStore {
        final Map<String, Invitation> invitations = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, IdempotencyKey> keys = new HashMap<>();
        final Map<String, String> keyResources = new HashMap<>();
        final Map<String, Integer> sends = new HashMap<>();
        /** What accept answers instead of accepting, to play a revoke or resend that won the race. */
        Optional<Acceptance> acceptAnswer = Optional.empty();

        @Override
        public Creation create(Invitation invitation, AuditEvent audit, Optional<IdempotencyKey> key, SendLimits limits) {
            if (key.isPresent() && keys.containsKey(key.get().key())) {
                return new Creation.Replayed(keyResources.get(key.get().key()),
                        keys.get(key.get().key()).fingerprint().equals(key.get().fingerprint()));
            }
            Optional<SendLimitReached> limited = count(invitation.email(), limits, invitation.createdAt());
            if (limited.isPresent()) {
                return limited.get();
            }
            key.ifPresent(k -> {
                keys.put(k.key(), k);
                keyResources.put(k.key(), invitation.id());
            });
            invitations.put(invitation.id(), invitation);
            tokens.put(invitation.tokenHash().hex(), invitation.id());
            return new Creation.Created(invitation);
        }

        @Override
        public Optional<Invitation> find(String workspaceId, String invitationId) {
            return Optional.ofNullable(invitations.get(invitationId));
        }

        @Override
        public Page<Invitation> list(String workspaceId, Optional<InvitationStatus> status, PageRequest page) {
            return new Page<>(List.copyOf(invitations.values()), Optional.empty());
        }

        @Override
        public void recordDelivery(Invitation invitation, DeliveryStatus delivery) {
            invitations.computeIfPresent(invitation.id(), (id, i) -> i.withDelivery(delivery));
        }

        @Override
        public Reissue reissue(Invitation current, Invitation reissued, AuditEvent audit, SendLimits limits, Instant at) {
            Optional<SendLimitReached> limited = count(current.email(), limits, at);
            if (limited.isPresent()) {
                return limited.get();
            }
            invitations.put(current.id(), reissued);
            tokens.remove(current.tokenHash().hex());
            tokens.put(reissued.tokenHash().hex(), current.id());
            return new Reissue.Reissued();
        }

        /** Fixed windows, as the real store counts them: a refused send counts nothing. */
        private Optional<SendLimitReached> count(EmailAddress to, SendLimits limits, Instant at) {
            String workspace = "ws#" + limits.perWorkspace().windowAt(at).start();
            String address = to.mailbox() + "#" + limits.perAddress().windowAt(at).start();
            if (sends.getOrDefault(workspace, 0) >= limits.perWorkspace().sends()) {
                return Optional.of(new SendLimitReached(SendLimits.Scope.WORKSPACE, limits.perWorkspace().windowAt(at).end()));
            }
            if (sends.getOrDefault(address, 0) >= limits.perAddress().sends()) {
                return Optional.of(new SendLimitReached(SendLimits.Scope.ADDRESS, limits.perAddress().windowAt(at).end()));
            }
            sends.merge(workspace, 1, Integer::sum);
            sends.merge(address, 1, Integer::sum);
            return Optional.empty();
        }

        @Override
        public boolean revoke(Invitation current, AuditEvent audit) {
            invitations.put(current.id(), current.withStatus(InvitationStatus.REVOKED));
            return true;
        }

        @Override
        public Optional<TokenGrant> findToken(TokenHash hash) {
            return Optional.ofNullable(tokens.get(hash.hex())).map(id -> new TokenGrant("ws", id));
        }

        @Override
        public Acceptance accept(Invitation invitation, User user, AuditEvent audit) {
            if (acceptAnswer.isPresent()) {
                return acceptAnswer.get();
            }
            invitations.put(invitation.id(), invitation.withStatus(InvitationStatus.ACCEPTED));
            return new Acceptance.Accepted(user);
        }
    }
}
