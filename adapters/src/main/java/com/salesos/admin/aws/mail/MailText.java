package com.salesos.admin.aws.mail;

import com.salesos.admin.common.DisplayText;
import java.util.regex.Pattern;

/**
 * Makes text that people typed safe to quote in an email we send from the product's address.
 * Our emails are plain text (no HTML part, so nothing to escape), but mail clients turn anything
 * that looks like a web address, domain or email address into a link. The only link in an email
 * must be the one we build from {@code APP_URL}, so quoted text is "defanged" the way security
 * reports quote addresses: {@code evil.com} reads as {@code evil[.]com} and
 * {@code http://} as {@code http[:]//}, which no client links.
 */
public final class MailText {

    // A dot between two visible characters, including the full-width and ideographic dots that
    // internationalised domain names accept as separators.
    private static final Pattern DOMAIN_DOT = Pattern.compile("(?<=\\S)[.\\u3002\\uFF0E\\uFF61](?=\\S)");
    private static final Pattern SCHEME = Pattern.compile(":(?=//)|:(?=\\\\\\\\)");

    private MailText() {
    }

    /** One line of the text, with nothing in it a mail client would turn into a link. */
    public static String inert(String typed) {
        String line = DisplayText.singleLine(typed);
        line = DOMAIN_DOT.matcher(line).replaceAll("[.]");
        return SCHEME.matcher(line).replaceAll("[:]");
    }
}
