package com.salesos.admin.access;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a role name looks like, for telling whether it passes for another: a custom role shown as
 * "Admin" hides a privileged account in the user list and the audit log. The name as stored keeps
 * what {@code DisplayText} keeps (ZWJ and ZWNJ, any script); only the comparison folds.
 *
 * <p>The fold is a targeted form of Unicode TR39's skeleton: compatibility forms (full-width
 * letters) through NFKC, every format character (ZWJ and ZWNJ included) and space dropped, case
 * ignored, and the Cyrillic and Greek letters that render like Latin ones mapped to those. Folding
 * too much only refuses a name that resembles a built-in one, which costs an admin nothing.
 */
final class RoleNameSkeleton {

    private static final Pattern INVISIBLE_OR_SPACE = Pattern.compile("[\\p{Cf}\\p{Z}\\s]+");
    // Lower-case Cyrillic and Greek letters (after lower-casing, so capitals are covered) and the
    // Latin letter each renders like, pairwise.
    private static final String LOOKALIKES = "аaвbеeһhіiјjкkмmнhоoрpсcѕsтtуyхxԁdԛqԝwɡgαaβbεeιiκkμuνvοoρpτtυuχxζzηn";

    private RoleNameSkeleton() {
    }

    static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = INVISIBLE_OR_SPACE.matcher(folded).replaceAll("");
        StringBuilder skeleton = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int at = LOOKALIKES.indexOf(c);
            skeleton.append(at >= 0 && at % 2 == 0 ? LOOKALIKES.charAt(at + 1) : c);
        }
        return skeleton.toString();
    }

    /** Whether {@code name} reads as a built-in role's name or id. */
    static boolean passesForBuiltIn(String name) {
        String skeleton = of(name);
        return BuiltInRoles.ALL.stream().anyMatch(r -> skeleton.equals(of(r.name())) || skeleton.equals(of(r.id())));
    }
}
