package com.salesos.admin.aws.users;

import com.salesos.admin.users.SignInControl;
import com.salesos.admin.users.User;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Blocks and allows sign-in in the Cognito pool. Blocking disables the user (no new sign-in) and
 * signs them out globally (their refresh tokens stop working); the API already refuses their
 * access tokens because it reads their status from the store on every request.
 */
public final class CognitoSignInControl implements SignInControl {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoSignInControl(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public void block(User user) {
        call(() -> {
            cognito.adminDisableUser(r -> r.userPoolId(userPoolId).username(user.email().value()));
            cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(user.email().value()));
        });
    }

    @Override
    public void allow(User user) {
        call(() -> cognito.adminEnableUser(r -> r.userPoolId(userPoolId).username(user.email().value())));
    }

    private static void call(Runnable action) {
        try {
            action.run();
        } catch (UserNotFoundException noAccount) {
            // Nothing to block or allow: the person never finished signing up.
        } catch (SdkException e) {
            throw new SignInControlFailed("Cognito did not answer: " + e.getClass().getSimpleName(), e);
        }
    }
}
