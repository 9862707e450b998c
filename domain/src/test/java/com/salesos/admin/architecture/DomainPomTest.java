package com.salesos.admin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The domain module's POM declares no dependency outside the test scope: the compiler then keeps the JDK-only line. */
class DomainPomTest {

    @Test
    void the_domain_pom_declares_only_test_scoped_dependencies() throws Exception {
        Path pom = Path.of("pom.xml");
        assertThat(pom).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        assertThat(text(project, "artifactId")).as("run from the domain module's directory").isEqualTo("salesos-domain");

        List<String> dependencies = new ArrayList<>();
        List<String> notTestScoped = new ArrayList<>();
        for (Element section : children(project, "dependencies")) {
            for (Element dependency : children(section, "dependency")) {
                String name = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
                dependencies.add(name);
                if (!"test".equals(text(dependency, "scope"))) {
                    notTestScoped.add(name + " (scope " + (text(dependency, "scope").isEmpty() ? "compile" : text(dependency, "scope")) + ")");
                }
            }
        }

        assertThat(dependencies).as("the POM was read").isNotEmpty();
        assertThat(notTestScoped).as("dependencies of the domain module outside <scope>test</scope>").isEmpty();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
