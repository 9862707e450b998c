package com.salesos.admin.aws;

import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.invites.EmailAddress;
import com.salesos.admin.problems.DomainException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Sign-in accounts in the Cognito user pool. The pool signs in by email (email is the username),
 * so one email address is one SalesOS identity; its {@code sub} is what the store maps to a user.
 */
public final class CognitoAccountDirectory implements AccountDirectory {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoAccountDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Opening open(EmailAddress email, String password) {
        AdminCreateUserResponse created;
        try {
            created = cognito.adminCreateUser(r -> r.userPoolId(userPoolId)
                    .username(email.value())
                    .userAttributes(attribute("email", email.value()), attribute("email_verified", "true"))
                    // The invitation email already went out; Cognito must not send its own.
                    .messageAction(MessageActionType.SUPPRESS));
        } catch (UsernameExistsException e) {
            String subject = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(email.value()))
                    .userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst()
                    .map(AttributeType::value).orElseThrow();
            return new Opening.AlreadyRegistered(subject);
        }
        String subject = created.user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
                .map(AttributeType::value).orElseThrow();
        try {
            setPassword(subject, email, password);
        } catch (DomainException weakPassword) {
            close(subject, email);
            throw weakPassword;
        }
        return new Opening.Opened(subject);
    }

    @Override
    public void setPassword(String subject, EmailAddress email, String password) {
        try {
            cognito.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(email.value())
                    .password(password).permanent(true));
        } catch (InvalidPasswordException e) {
            throw DomainException.invalidField("password", "does not meet the password policy: at least 12 characters "
                    + "with upper and lower case letters, a digit and a symbol");
        }
    }

    @Override
    public void close(String subject, EmailAddress email) {
        try {
            cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(email.value()));
        } catch (UserNotFoundException alreadyGone) {
            // Nothing to remove.
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
