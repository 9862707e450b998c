package com.salesos.admin.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One problem catalogue: every problem type slug is built in exactly one place, so it has one
 * wording. Scans the main sources of every module from the repository root (this module's parent).
 */
class ProblemCatalogTest {

    /** Where a slug is built: a DomainException with its kind, a conflict, or a problem response. */
    private static final Pattern BUILT = Pattern.compile(
            "(?:ProblemKind\\.[A-Z_]+,\\s*|conflict\\(\\s*|HttpStatus\\.[A-Z_]+,\\s*|Problem\\.of\\(\\s*)\"([a-z]+(?:-[a-z]+)*)\"");

    @Test
    void every_problem_type_is_built_in_exactly_one_place() {
        Map<Path, String> sources = mainSources(Path.of("..").toAbsolutePath().normalize());
        assertThat(sources).as("main sources found from the repository root").hasSizeGreaterThan(100);
        Set<String> slugs = slugsBuilt(sources);
        assertThat(slugs).as("the scan recognises how problems are built")
                .contains("seats-exhausted", "last-admin", "role-gone", "invalid-input", "not-found", "unauthenticated");
        assertThat(slugsLiteralMoreThanOnce(sources, slugs)).isEmpty();
    }

    @Test
    void the_check_catches_a_slug_built_twice() {
        Map<Path, String> sources = Map.of(
                Path.of("A.java"), "throw DomainException.conflict(\"role-gone\", \"Role deleted\", \"gone\");",
                Path.of("B.java"), "new DomainException(ProblemKind.CONFLICT, \"role-gone\", \"Role deleted\", \"gone; choose another\");",
                Path.of("C.java"), "ProblemResponses.of(HttpStatus.UNAUTHORIZED, \"unauthenticated\", \"Sign-in required\", \"x\");");
        assertThat(slugsLiteralMoreThanOnce(sources, slugsBuilt(sources))).containsOnlyKeys("role-gone");
    }

    private static Set<String> slugsBuilt(Map<Path, String> sources) {
        Set<String> slugs = new TreeSet<>();
        for (String text : sources.values()) {
            Matcher m = BUILT.matcher(text);
            while (m.find()) {
                slugs.add(m.group(1));
            }
        }
        return slugs;
    }

    /** Each slug written as a literal more than once, with the files that write it. */
    private static Map<String, Set<String>> slugsLiteralMoreThanOnce(Map<Path, String> sources, Set<String> slugs) {
        Map<String, Set<String>> duplicates = new TreeMap<>();
        for (String slug : slugs) {
            String literal = "\"" + slug + "\"";
            int count = 0;
            Set<String> files = new TreeSet<>();
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                int n = occurrences(source.getValue(), literal);
                if (n > 0) {
                    count += n;
                    files.add(source.getKey().getFileName() + " x" + n);
                }
            }
            if (count > 1) {
                duplicates.put(slug, files);
            }
        }
        return duplicates;
    }

    private static int occurrences(String text, String literal) {
        int count = 0;
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length())) {
            count++;
        }
        return count;
    }

    private static Map<Path, String> mainSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .collect(Collectors.toMap(p -> root.relativize(p), ProblemCatalogTest::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
