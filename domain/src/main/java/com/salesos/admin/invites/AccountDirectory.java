package com.salesos.admin.invites;

import com.salesos.admin.common.EmailAddress;
import java.time.Instant;
import java.util.Optional;

/** Port: sign-in accounts at the identity provider (Cognito in AWS). */
public interface AccountDirectory {

    /**
     * Opens a sign-in account for the address with this password. When an invitation's accept
     * opens it, the account is marked with that invitation's id in the same call that creates it,
     * so that a later retry can tell its own leftover from somebody else's account.
     *
     * @param invitationId the invitation whose accept opens the account; empty for accounts opened
     *                     by provisioning
     * @throws com.salesos.admin.problems.DomainException (invalid input) when the password breaks the policy
     */
    Opening open(EmailAddress email, String password, Optional<String> invitationId);

    /**
     * Removes an account this service opened but could not finish wiring up (or an earlier,
     * interrupted accept's leftover). There is deliberately no way to set the password of an
     * existing account: its subject may already be in tokens that whoever chose the old password
     * holds.
     */
    void close(String subject, EmailAddress email);

    /**
     * The account an accept of this invitation opened for the address, if one is there: an accept
     * that failed after opening it leaves it behind for a retry of the same link to reuse, and a
     * workspace's deletion must not keep it. Another invitation's account, or one provisioning
     * opened, is not it.
     *
     * @return its subject
     */
    Optional<String> openedBy(String invitationId, EmailAddress email);

    sealed interface Opening {
        record Opened(String subject) implements Opening {
        }

        /**
         * The address already has an account; {@code invitationId} is the invitation that opened
         * it, if any, and {@code openedAt} when it was created.
         */
        record AlreadyRegistered(String subject, Optional<String> invitationId, Instant openedAt) implements Opening {
        }
    }
}
