package io.github.oruk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.model.Service;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.rule.FeedContext;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Null-safety as the published jars state it: every package is {@code @NullMarked} (so whatever is not
 * {@code @Nullable} is non-null), and the points that may be null say so in their types. Kotlin, Spring and
 * IDEs read exactly these run-time-retained annotations, so the test reads them the same way: from the jars
 * as built, loaded apart from the class path.
 */
class NullnessTest {

  @Test
  void everyPackageOfThePublishedJarsIsNullMarked() throws Exception {
    // The libraries, and the starter (an automatic module, but null-marked like them).
    List<String> published = new ArrayList<>(ModulePathTest.MODULES.keySet());
    published.add("oruk-spring-boot-starter");
    List<URL> urls = new ArrayList<>();
    for (String module : published) {
      urls.add(ModulePathTest.jar(module).toUri().toURL());
    }
    urls.add(Path.of(NullMarked.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
    List<String> unmarked = new ArrayList<>();
    int packages = 0;
    // No parent: each package-info comes from the jars, and NullMarked from JSpecify's jar beside them.
    try (URLClassLoader jars = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      for (String module : published) {
        for (String name : packagesOf(ModulePathTest.jar(module))) {
          packages++;
          Class<?> info;
          try {
            info = Class.forName(name + ".package-info", false, jars);
          } catch (ClassNotFoundException e) {
            unmarked.add(module + ": " + name + " (no package-info)");
            continue;
          }
          if (Arrays.stream(info.getAnnotations())
              .noneMatch(a -> a.annotationType().getName().equals(NullMarked.class.getName()))) {
            unmarked.add(module + ": " + name);
          }
        }
      }
    }
    assertEquals(List.of(), unmarked, "packages of the published jars that are not @NullMarked");
    assertTrue(packages >= 30, "the jars were read (" + packages + " packages)");
  }

  @Test
  void theGeneratedModelMarksScalarsNullableAndListsNot() throws Exception {
    assertTrue(nullable(Service.class.getMethod("getName").getAnnotatedReturnType()), "Service#getName");
    assertTrue(nullable(Service.class.getMethod("setName", String.class).getAnnotatedParameterTypes()[0]),
        "Service#setName's value");
    assertFalse(nullable(Service.class.getMethod("getContacts").getAnnotatedReturnType()),
        "Service#getContacts never answers null");
  }

  @Test
  void theHandWrittenApiMarksWhatMayBeNull() throws Exception {
    assertTrue(nullable(OrukClientException.class.getMethod("uri").getAnnotatedReturnType()),
        "OrukClientException#uri is null when the failure came before any request");
    assertFalse(nullable(OrukClient.class.getMethod("builder", String.class).getAnnotatedReturnType()),
        "OrukClient#builder");
    Method get = FeedContext.class.getMethod("get", Endpoint.class, URI.class);
    assertTrue(nullable(get.getAnnotatedReturnType()), "FeedContext#get is null when no answer came");
    assertFalse(nullable(get.getAnnotatedParameterTypes()[1]), "FeedContext#get's address");
  }

  private static boolean nullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }

  private static Set<String> packagesOf(Path jar) throws Exception {
    Set<String> packages = new TreeSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && !n.equals("module-info.class") && n.contains("/"))
          .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
    }
    return packages;
  }
}
