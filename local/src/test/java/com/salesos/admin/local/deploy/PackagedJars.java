package com.salesos.admin.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What {@code mvn package} produces for a function module: the shade plugin's attached jar,
 * {@code <module>/target/<artifactId>-<version>-<classifier>.jar}, read from the module's pom and
 * the classifier the root pom configures.
 */
final class PackagedJars {

    private static final Pattern CLASSIFIER = Pattern.compile("<shadedClassifierName>([^<]+)</shadedClassifierName>");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private final Path root;

    PackagedJars(Path root) {
        this.root = root;
    }

    /** The jar path (relative to the repository) that {@code mvn package} builds in this module, if it is a reactor module. */
    Optional<String> jarOf(String moduleDirectory) {
        String rootPom = read(root.resolve("pom.xml"));
        Matcher modules = MODULE.matcher(rootPom);
        boolean inReactor = false;
        while (modules.find()) {
            inReactor |= modules.group(1).equals(moduleDirectory);
        }
        Matcher classifier = CLASSIFIER.matcher(rootPom);
        if (!inReactor || !classifier.find() || !Files.exists(root.resolve(moduleDirectory).resolve("pom.xml"))) {
            return Optional.empty();
        }
        Element project = pom(root.resolve(moduleDirectory).resolve("pom.xml"));
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        if (version == null) {
            version = child((Element) project.getElementsByTagName("parent").item(0), "version");
        }
        return Optional.of(moduleDirectory + "/target/" + artifactId + "-" + version + "-" + classifier.group(1) + ".jar");
    }

    private static Element pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The text of a direct child element (not one nested deeper, like a dependency's artifactId). */
    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
