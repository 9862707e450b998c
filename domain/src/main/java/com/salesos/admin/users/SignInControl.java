package com.salesos.admin.users;

/** Port: whether a person can sign in at the identity provider. Both calls are idempotent. */
public interface SignInControl {

    /** Blocks sign-in and ends every session the person has. */
    void block(User user);

    void allow(User user);

    /** The identity provider could not be reached or refused; the caller should retry. */
    final class SignInControlFailed extends RuntimeException {
        public SignInControlFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
