package com.salesos.admin.emulator;

import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** Signs a person in the way the admin frontend does, and returns their access token. */
public final class CognitoSignIn {

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    public CognitoSignIn(CognitoIdentityProviderClient cognito, String clientId) {
        this.cognito = cognito;
        this.clientId = clientId;
    }

    public String accessToken(String email, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult().accessToken();
    }
}
