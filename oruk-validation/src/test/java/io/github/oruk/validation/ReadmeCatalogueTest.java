package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.validation.feed.FeedValidator;
import io.github.oruk.validation.rule.RuleInfo;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is right when followed literally: its rule tables list exactly the built-in checks (live-feed
 * checks included) with their default severities, and its code samples compile as written.
 */
class ReadmeCatalogueTest {

  /** What a reader's own file would import to use the samples. */
  private static final String IMPORTS = String.join("\n",
      "import io.github.oruk.validation.*;",
      "import io.github.oruk.validation.feed.*;",
      "import io.github.oruk.validation.junit.*;",
      "import io.github.oruk.validation.profile.*;",
      "import io.github.oruk.validation.report.*;",
      "import io.github.oruk.validation.rule.*;",
      "import java.io.*;",
      "import java.net.URI;",
      "import java.nio.file.*;",
      "import java.util.*;",
      "import java.util.stream.*;",
      "import org.junit.jupiter.api.*;", "");

  @TempDir
  Path classes;

  private static final Pattern ROW = Pattern.compile("^\\| (ORUK-[A-Z0-9-]+) \\| (error|warning|info) \\|");

  @Test
  void everyBuiltInCheckIsDocumentedWithItsSeverity() throws Exception {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1) + " " + row.group(2));
      }
    }
    // A live-feed report lists the feed's own checks as well as every rule; nothing listens on port 1, so
    // the check ends at once (with a failed /, which does not matter here).
    ValidationReport report = FeedValidator.builder(Fixtures.validator().build())
        .requestTimeout(Duration.ofSeconds(5)).build().validate("http://127.0.0.1:1/");
    Set<String> actual = new TreeSet<>();
    for (RuleInfo check : report.checks()) {
      if (check.code().startsWith("ORUK-")) {
        actual.add(check.code() + " " + check.severity().label());
      }
    }
    assertTrue(actual.stream().anyMatch(c -> c.startsWith("ORUK-PAGE-")), "the feed's checks are listed: " + actual);
    assertEquals(actual, documented);
  }

  @Test
  void everyJavaSampleCompilesAsWritten() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme());
    while (block.find()) {
      String name = "ReadmeSample" + sources.size();
      String code = block.group(1);
      // A sample that declares a type stands as a file of its own; statements go in a method that declares
      // no exceptions, so a checked exception the sample does not handle is a compile error, as it would be
      // for a reader.
      String file = code.matches("(?s)\\s*(public\\s+)?(final\\s+)?(class|record|interface|enum)\\s.*")
          ? IMPORTS + code
          : IMPORTS + "class " + name + " {\n  void sample() {\n" + code + "\n  }\n}\n";
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return file;
        }
      });
    }
    assertTrue(sources.size() >= 1, "the README has Java samples");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests run on a JDK");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      boolean compiled = javac.getTask(null, files, diagnostics,
          List.of("-proc:none", "-classpath", System.getProperty("java.class.path")), null, sources).call();
      assertTrue(compiled, () -> "a README sample does not compile:\n" + String.join("\n",
          diagnostics.getDiagnostics().stream().map(d -> (d.getSource() == null ? "" : d.getSource().getName())
              + ":" + d.getLineNumber() + ": " + d.getMessage(null)).toList()));
    }
  }

  @Test
  void everyXmlSampleIsWellFormed() throws Exception {
    Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme());
    int samples = 0;
    while (block.find()) {
      samples++;
      DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(block.group(1).getBytes(StandardCharsets.UTF_8)));
    }
    assertTrue(samples >= 1, "the README shows how to add an SLF4J provider");
  }

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }
}
