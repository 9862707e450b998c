package com.salesos.admin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesos.admin.emulator.CognitoSignIn;
import com.salesos.admin.emulator.EmulatorClients;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.RepositoryRoot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * {@code bin/token [who] [password]}: signs someone in to the running local stack again and prints
 * a fresh access token (the ones in the session file expire after 60 minutes). {@code who} is a
 * session person's email, {@code crm}, {@code support} or nothing (the admin); with a password,
 * any account of the pool (e.g. someone who accepted an invitation).
 */
public final class PrintToken {

    private PrintToken() {
    }

    public static void main(String[] args) throws Exception {
        Path file = RepositoryRoot.locate().resolve(".salesos-local/session.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("Start bin/local first: " + file + " is missing");
            System.exit(2);
        }
        JsonNode session = new ObjectMapper().readTree(file.toFile());
        String who = args.length > 0 ? args[0] : "admin";
        Optional<JsonNode> known = person(session, who);
        String email = known.map(p -> p.path("email").asText()).orElse(who);
        String password = args.length > 1 ? args[1] : known.map(p -> p.path("password").asText()).orElse(null);
        if (password == null) {
            System.err.println("No password for '" + who + "' in the session file; use bin/token <email> <password>");
            System.exit(2);
        }
        EmulatorClients clients = new EmulatorClients(URI.create(session.path("awsEndpoint").asText()), LocalAws.REGION);
        try (CognitoIdentityProviderClient cognito = clients.cognito()) {
            System.out.println(new CognitoSignIn(cognito, session.path("userPoolClientId").asText()).accessToken(email, password));
        } catch (UserNotFoundException | NotAuthorizedException refused) {
            // What a person sees at the sign-in page: no token, one line, no stack trace.
            System.err.println("Sign-in refused for " + email + ": " + (refused instanceof UserNotFoundException
                    ? "no such account (never invited, or its workspace was deleted)" : "wrong password or account disabled"));
            System.exit(1);
        }
    }

    private static Optional<JsonNode> person(JsonNode session, String who) {
        if (session.has(who) && session.path(who).has("password")) {
            return Optional.of(session.path(who));
        }
        for (JsonNode user : session.path("users")) {
            if (user.path("email").asText().equalsIgnoreCase(who)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }
}
