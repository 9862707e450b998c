package com.salesos.admin.emulator;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The CRM's machine identity of a workspace, as {@link LocalAws#openCrmAccount} opened it. Locally
 * it signs in with its password (the emulator has no client-credentials endpoint); its access token
 * carries {@code cognito:groups} with {@code crm}.
 */
public record CrmAccount(String workspaceId, String subject, String email, String password) {

    /** The claims API Gateway's authorizer hands to Lambda for this identity's access token. */
    public Map<String, String> claims() {
        return Map.of("sub", subject, "token_use", "access", "cognito:groups", "[crm]");
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("Aa1!").toString();
    }
}
