package io.github.oruk.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Extensible;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects extensions while a hand-written type (page envelope, API details) is read; set as the
 * parser's current value so that values kept aside inside it land here.
 */
final class ExtensionHolder implements Extensible {

  private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

  @Override
  public Map<String, JsonNode> getExtensions() {
    return extensions;
  }

  @Override
  public void putExtension(String name, JsonNode value) {
    extensions.put(name, value);
  }

  @Override
  public boolean hasExtensions() {
    return !extensions.isEmpty();
  }
}
