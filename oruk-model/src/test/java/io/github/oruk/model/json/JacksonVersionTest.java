package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The codec's tests run on the Jackson the build says they do. Maven runs them on the build's Jackson and
 * again on the oldest and the newest supported (oruk-model's pom, profile {@code jackson-range}), naming the
 * version in {@code oruk.test.jackson.version}; a run whose class path got another Jackson fails here rather
 * than proving nothing. And on every supported Jackson the codec must use its fast paths, not fall back.
 */
class JacksonVersionTest {

  @Test
  void everyJacksonJarIsTheVersionThisRunIsFor() throws IOException {
    String expected = System.getProperty("oruk.test.jackson.version");
    assumeTrue(expected != null, "oruk.test.jackson.version is not set (Maven sets it; an IDE may not)");
    assertEquals(expected, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString(), "jackson-core");
    assertEquals(expected, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(), "jackson-databind");
    assertEquals(expected, com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString(),
        "jackson-datatype-jsr310");
    assertEquals(expected, com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString(),
        "jackson-dataformat-yaml");
    // jackson-annotations has no PackageVersion, and since 2.20 it has one release per minor (2.22 beside
    // jackson-core 2.22.3): its manifest's Bundle-Version must be of the same minor.
    String minor = expected.substring(0, expected.indexOf('.', expected.indexOf('.') + 1) + 1);
    Path annotations = Path.of(JsonProperty.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (JarFile jar = new JarFile(annotations.toFile())) {
      String version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
      assertTrue(version.startsWith(minor), "jackson-annotations " + version + " with Jackson " + expected);
    }
  }

  @Test
  void theCodecUsesItsFastPathsOnEverySupportedJackson() {
    assumeTrue(!FastPath.turnedOff(System.getProperty(FastPath.PROPERTY)), "the fast paths are turned off");
    assertTrue(FastPath.ON, "the codec fell back to stock Jackson: " + FastPath.PROBLEM);
  }
}
