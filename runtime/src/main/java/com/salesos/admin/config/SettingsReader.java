package com.salesos.admin.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads one settings record from named variables: a JVM system property first, then the
 * environment. In Lambda the values are environment variables that template.yaml sets; the local
 * stack and the tests run several functions in one JVM and set system properties of the same names.
 *
 * <p>The record declares the names it reads in one list, and this reader holds it to that list: it
 * fails at start naming every missing variable at once (not the first one only), refuses a name the
 * record did not declare, and refuses a declared name the record never reads. The declared list is
 * therefore exactly what the function reads, which is what the template contract test compares.
 */
public final class SettingsReader {

    /** System property first, then the environment variable of the same name. */
    public static final UnaryOperator<String> SYSTEM = name ->
            Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(name));

    private SettingsReader() {
    }

    /** Reads {@code variables} from the system (see {@link #SYSTEM}) and builds {@code owner}'s record from them. */
    public static <T> T read(String owner, List<String> variables, Function<Values, T> build) {
        return read(owner, variables, SYSTEM, build);
    }

    public static <T> T read(String owner, List<String> variables, UnaryOperator<String> lookup, Function<Values, T> build) {
        List<String> missing = variables.stream().filter(name -> isBlank(lookup.apply(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(owner + " cannot start, missing configuration: " + String.join(", ", missing)
                    + " (environment variables set by template.yaml; see docs/configuration.md)");
        }
        Values values = new Values(owner, variables, lookup);
        T settings = build.apply(values);
        List<String> unread = variables.stream().filter(name -> !values.read.contains(name)).toList();
        if (!unread.isEmpty()) {
            throw new IllegalStateException(owner + " declares " + String.join(", ", unread)
                    + " but never reads it: remove it from the declared variables (and from template.yaml)");
        }
        return settings;
    }

    /** The declared variables, present and not blank; reading one marks it as read. */
    public static final class Values {
        private final String owner;
        private final List<String> declared;
        private final UnaryOperator<String> lookup;
        private final Set<String> read = new LinkedHashSet<>();

        private Values(String owner, List<String> declared, UnaryOperator<String> lookup) {
            this.owner = owner;
            this.declared = List.copyOf(declared);
            this.lookup = lookup;
        }

        public String text(String name) {
            if (!declared.contains(name)) {
                throw new IllegalStateException(owner + " reads " + name + " without declaring it: add it to its VARIABLES"
                        + " (and to the function's Environment in template.yaml)");
            }
            read.add(name);
            return lookup.apply(name).strip();
        }

        /** A URL without its trailing slash, so that paths can be appended with one. */
        public String baseUrl(String name) {
            String url = text(name);
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        public int positiveInt(String name) {
            String value = text(name);
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below with the variable's name
            }
            throw new IllegalStateException(owner + " cannot start: " + name + " must be a positive whole number, not '" + value + "'");
        }
    }

    /** The names of {@code first} followed by {@code more}, for a record that composes another's variables. */
    public static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
