package io.github.oruk.model.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The project's ORUK 3.0 spec document, as packaged in this jar: the OpenAPI 3.0.3 YAML written by the
 * project, and the same document as JSON (generated from the YAML at build time), which servers publish
 * at {@code /openapi.json} and validators derive their schemas from.
 */
public final class OrukSpec {

  private static final String YAML = "oruk-3.0.yaml";
  private static final String JSON = "oruk-3.0.json";

  private OrukSpec() {
  }

  /** The document as YAML, exactly as written. */
  public static byte[] yaml() {
    return read(YAML);
  }

  /** The document as JSON. */
  public static byte[] json() {
    return read(JSON);
  }

  private static byte[] read(String name) {
    try (InputStream in = OrukSpec.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the spec document " + name + " is missing from the oruk-model jar;"
            + " rebuild oruk-model");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
