package com.salesos.admin.invites;

/** Port: sign-in accounts at the identity provider (Cognito in AWS). */
public interface AccountDirectory {

    /**
     * Opens a sign-in account for the address with this password.
     *
     * @throws com.salesos.admin.problems.DomainException (invalid input) when the password breaks the policy
     */
    Opening open(EmailAddress email, String password);

    /** Sets a new permanent password on an existing account (used to adopt an orphaned account). */
    void setPassword(String subject, EmailAddress email, String password);

    /** Removes an account this service opened but could not finish wiring up. */
    void close(String subject, EmailAddress email);

    sealed interface Opening {
        record Opened(String subject) implements Opening {
        }

        record AlreadyRegistered(String subject) implements Opening {
        }
    }
}
