package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a Java team adopting the SDK gets from Maven: the BOM lists exactly the published artifacts at the
 * project's version and pins nothing else, every published module ships its sources (the generated model's too),
 * and the POMs carry what Maven Central asks for. Run from the whole build (the modules' jars are made before
 * the CLI's tests run).
 */
class PublishedArtifactsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomListsExactlyThePublishedModulesAtTheProjectsVersionAndPinsNothingElse() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    String version = child(root, "version");
    Set<String> published = new TreeSet<>(published());
    assertTrue(published.containsAll(Set.of("oruk-model", "oruk-client", "oruk-server-spi", "oruk-validation",
        "oruk-taxonomy", "oruk-tabular", "oruk-hub", "oruk-testkit", "oruk-spring-boot-starter")),
        "the libraries are published: " + published);
    assertFalse(published.contains("oruk-cli") || published.contains("benchmarks")
        || published.contains("spring-boot-publisher"), published.toString());

    Element bom = pom(ROOT.resolve("oruk-bom/pom.xml"));
    assertEquals(0, bom.getElementsByTagName("parent").getLength(),
        "the BOM has no parent: importing it would import the parent's dependencyManagement too");
    assertEquals(version, child(bom, "version"), "the BOM's version is the project's");
    Set<String> listed = new TreeSet<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertEquals("io.github.oruk", child(dependency, "groupId"), "the BOM pins only the SDK's own artifacts");
      assertEquals("${project.version}", child(dependency, "version"));
      listed.add(child(dependency, "artifactId"));
    }
    assertEquals(published, listed, "the BOM lists every published module and nothing else");
  }

  @Test
  void everyPublishedModuleShipsItsSourcesAndThePomsCarryWhatCentralAsks() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    for (String element : List.of("name", "description", "url", "licenses", "developers", "scm", "issueManagement")) {
      assertEquals(1, directChildren(root, element).size(), "the parent POM has <" + element + ">");
    }
    assertNotNull(child(child(root, "properties", true), "project.build.outputTimestamp"),
        "archives carry a fixed time, so that builds are reproducible");
    String version = child(root, "version");
    for (String module : published()) {
      Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
      assertFalse(child(pom, "name").isBlank(), module + " has a name");
      assertFalse(child(pom, "description").isBlank(), module + " has a description");
      Path sources = ROOT.resolve(module).resolve("target/" + module + "-" + version + "-sources.jar");
      assertTrue(Files.isRegularFile(sources), () -> sources + " was not built; run ./mvnw verify from the root");
      try (ZipFile jar = new ZipFile(sources.toFile())) {
        assertTrue(jar.stream().anyMatch(entry -> entry.getName().endsWith(".java")), sources + " holds sources");
        if (module.equals("oruk-model")) {
          assertNotNull(jar.getEntry("io/github/oruk/model/Service.java"),
              "the generated model's sources are in the sources jar, so IDEs show its field docs");
        }
      }
    }
  }

  @Test
  void aReleaseSignsAndPublishesWithJavadocAndTheBuildRefusesBrokenJavadoc() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    assertEquals("-Xdoclint:all,-missing", child(child(root, "properties", true), "doclint.option"),
        "javac's doclint fails the build on javadoc the javadoc tool would refuse");
    Element release = null;
    for (Element profile : directChildren(child(root, "profiles", true), "profile")) {
      if ("release".equals(child(profile, "id"))) {
        release = profile;
      }
    }
    assertNotNull(release, "a release profile");
    Set<String> plugins = new TreeSet<>();
    NodeList artifactIds = release.getElementsByTagName("artifactId");
    for (int i = 0; i < artifactIds.getLength(); i++) {
      plugins.add(artifactIds.item(i).getTextContent().trim());
    }
    assertEquals(Set.of("maven-javadoc-plugin", "maven-gpg-plugin", "central-publishing-maven-plugin"), plugins);
  }

  /** The modules of the build that are published: all but the BOM itself and those that skip their sources jar. */
  private static List<String> published() throws Exception {
    List<String> published = new ArrayList<>();
    for (Element module : directChildren(child(pom(ROOT.resolve("pom.xml")), "modules", true), "module")) {
      String path = module.getTextContent().trim();
      if (path.equals("oruk-bom")) {
        continue;
      }
      Element pom = pom(ROOT.resolve(path).resolve("pom.xml"));
      Element properties = child(pom, "properties", true);
      boolean skipped = properties != null && directChildren(properties, "maven.source.skip").stream()
          .anyMatch(skip -> skip.getTextContent().trim().equals("true"));
      if (!skipped) {
        published.add(child(pom, "artifactId"));
      }
    }
    return published;
  }

  private static Element pom(Path file) throws Exception {
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    return document.getDocumentElement();
  }

  private static String child(Element parent, String name) {
    List<Element> found = directChildren(parent, name);
    return found.isEmpty() ? null : found.get(0).getTextContent().trim();
  }

  private static Element child(Element parent, String name, boolean element) {
    List<Element> found = directChildren(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> directChildren(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
