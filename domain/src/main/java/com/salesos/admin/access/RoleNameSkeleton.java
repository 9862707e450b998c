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
    // Cyrillic and Greek letters and the Latin letter each renders like, pairwise. Capitals are
    // mapped by their own shape before lower-casing: Greek capital Mu looks like M, its small form
    // like u.
    private static final String CAPITALS = "АaВbЕeНhІiЈjКkМmОoРpСcЅsТtУyХxΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧx";
    private static final String LOOKALIKES = "аaвbеeһhіiјjкkмmнhоoрpсcѕsтtуyхxԁdԛqԝwɡgαaβbεeιiκkμuνvοoρpτtυuχxζzηn";

    private RoleNameSkeleton() {
    }

    static String of(String name) {
        String folded = map(Normalizer.normalize(name, Normalizer.Form.NFKC), CAPITALS).toLowerCase(Locale.ROOT);
        return map(INVISIBLE_OR_SPACE.matcher(folded).replaceAll(""), LOOKALIKES);
    }

    /** Each character that {@code pairs} lists at an even place becomes the one after it. */
    private static String map(String text, String pairs) {
        StringBuilder mapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = pairs.indexOf(c);
            mapped.append(at >= 0 && at % 2 == 0 ? pairs.charAt(at + 1) : c);
        }
        return mapped.toString();
    }

    /** Whether {@code name} reads as a built-in role's name or id. */
    static boolean passesForBuiltIn(String name) {
        String skeleton = of(name);
        return BuiltInRoles.ALL.stream().anyMatch(r -> skeleton.equals(of(r.name())) || skeleton.equals(of(r.id())));
    }
}
