package io.github.oruk.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.BiConsumer;

/** Visits every node of a JSON tree with its JSON Pointer. */
final class JsonWalk {

  private JsonWalk() {
  }

  static void walk(JsonNode node, BiConsumer<String, JsonNode> visitor) {
    walk("", node, visitor);
  }

  private static void walk(String pointer, JsonNode node, BiConsumer<String, JsonNode> visitor) {
    visitor.accept(pointer, node);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        walk(pointer + "/" + field.getKey(), field.getValue(), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(pointer + "/" + i, node.get(i), visitor);
      }
    }
  }

  /** The pointer with array indexes replaced by {@code *}: {@code /schedules/0/id} gives {@code /schedules/*}{@code /id}. */
  static String shape(String pointer) {
    StringBuilder out = new StringBuilder(pointer.length());
    for (String part : pointer.split("/", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      out.append('/').append(isIndex(part) ? "*" : part);
    }
    return out.toString();
  }

  private static boolean isIndex(String part) {
    for (int i = 0; i < part.length(); i++) {
      if (!Character.isDigit(part.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
