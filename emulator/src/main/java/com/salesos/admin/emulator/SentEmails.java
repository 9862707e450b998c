package com.salesos.admin.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emails the emulated SES accepted, read from moto's state (what a developer sees locally). */
public final class SentEmails {

    private static final Pattern TOKEN = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_%-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MotoServer moto;

    public SentEmails(MotoServer moto) {
        this.moto = moto;
    }

    public record Email(String to, String subject, String body) {

        /** The invitation token in the email's accept link. */
        public Optional<String> invitationToken() {
            Matcher matcher = TOKEN.matcher(body);
            return matcher.find() ? Optional.of(java.net.URLDecoder.decode(matcher.group(1),
                    java.nio.charset.StandardCharsets.UTF_8)) : Optional.empty();
        }
    }

    public List<Email> all() {
        try {
            JsonNode messages = JSON.readTree(moto.sentEmailsJson()).path("emails");
            List<Email> emails = new ArrayList<>();
            for (JsonNode message : messages) {
                for (JsonNode to : message.path("destinations").path("ToAddresses")) {
                    emails.add(new Email(to.asText(), message.path("subject").asText(), message.path("body").asText()));
                }
            }
            return emails;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Email> to(String address) {
        return all().stream().filter(e -> e.to().equalsIgnoreCase(address)).toList();
    }

    /** The newest invitation link token sent to the address. */
    public String latestInvitationToken(String address) {
        List<Email> emails = to(address);
        if (emails.isEmpty()) {
            throw new AssertionError("No email was sent to " + address);
        }
        return emails.get(emails.size() - 1).invitationToken()
                .orElseThrow(() -> new AssertionError("The last email to " + address + " has no invitation link"));
    }
}
