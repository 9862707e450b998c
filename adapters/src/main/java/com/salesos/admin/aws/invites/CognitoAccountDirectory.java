package com.salesos.admin.aws.invites;

import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.problems.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Sign-in accounts in the Cognito user pool. The pool signs in by email (email is the username),
 * so one email address is one SalesOS identity; its {@code sub} is what the store maps to a user.
 */
public final class CognitoAccountDirectory implements AccountDirectory {

    /**
     * Which invitation opened the account. Cognito writes it in the same AdminCreateUser call that
     * creates the account, so no crash can separate the account from its mark (a table record
     * written before the call could not tell "we created it, then died" from "it already existed").
     * The template declares it immutable, and the pool allows no self sign-up, so nobody can set
     * it afterwards.
     */
    public static final String INVITATION_ATTRIBUTE = "custom:invitation";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoAccountDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Opening open(EmailAddress email, String password, Optional<String> invitationId) {
        List<AttributeType> attributes = new ArrayList<>(List.of(
                attribute("email", email.value()), attribute("email_verified", "true")));
        invitationId.ifPresent(id -> attributes.add(attribute(INVITATION_ATTRIBUTE, id)));
        AdminCreateUserResponse created;
        try {
            created = cognito.adminCreateUser(r -> r.userPoolId(userPoolId)
                    .username(email.value())
                    .userAttributes(attributes)
                    // The invitation email already went out; Cognito must not send its own.
                    .messageAction(MessageActionType.SUPPRESS));
        } catch (UsernameExistsException e) {
            AdminGetUserResponse account = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email.value()));
            List<AttributeType> existing = account.userAttributes();
            return new Opening.AlreadyRegistered(value(existing, "sub").orElseThrow(),
                    value(existing, INVITATION_ATTRIBUTE), account.userCreateDate());
        }
        String subject = value(created.user().attributes(), "sub").orElseThrow();
        try {
            choosePassword(email, password);
        } catch (DomainException weakPassword) {
            close(subject, email);
            throw weakPassword;
        }
        return new Opening.Opened(subject);
    }

    /** Only a brand-new account gets a password here: it has no session yet. */
    private void choosePassword(EmailAddress email, String password) {
        try {
            cognito.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(email.value())
                    .password(password).permanent(true));
        } catch (InvalidPasswordException | InvalidParameterException e) {
            // InvalidParameterException: the password broke the API's own limits (over 256
            // characters, whitespace at either end), which Cognito checks apart from the policy.
            // The domain refuses those first; this keeps any other such refusal a 422, so that
            // open() closes the account it just created instead of leaving it behind with a 500.
            throw DomainException.invalidField("password", "does not meet the password policy: at least 12 characters "
                    + "with upper and lower case letters, a digit and a symbol");
        }
    }

    @Override
    public void close(String subject, EmailAddress email) {
        try {
            // The username is the address, and the address may meanwhile have another account (a
            // concurrent accept of the same link replaced this one): only this subject goes.
            List<AttributeType> current = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email.value()))
                    .userAttributes();
            if (!value(current, "sub").filter(subject::equals).isPresent()) {
                return;
            }
            cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(email.value()));
        } catch (UserNotFoundException alreadyGone) {
            // Nothing to remove.
        }
    }

    @Override
    public Optional<String> openedBy(String invitationId, EmailAddress email) {
        try {
            List<AttributeType> account = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email.value()))
                    .userAttributes();
            return value(account, INVITATION_ATTRIBUTE).filter(invitationId::equals).flatMap(id -> value(account, "sub"));
        } catch (UserNotFoundException none) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst().map(AttributeType::value);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
