package io.github.oruk.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.spec.OrukSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The project's spec document with this server's address as its only {@code servers} entry. */
final class OpenApiDocument {

  private static final int MAX_CACHED = 16;

  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectNode spec;
  private final Map<String, byte[]> byBase = new ConcurrentHashMap<>();

  OpenApiDocument() {
    try {
      this.spec = (ObjectNode) mapper.readTree(OrukSpec.json());
    } catch (IOException e) {
      throw new UncheckedIOException("the spec document in oruk-model is not JSON", e);
    }
  }

  byte[] forBase(String base) {
    byte[] cached = byBase.get(base);
    if (cached != null) {
      return cached;
    }
    ObjectNode copy = spec.deepCopy();
    ObjectNode server = mapper.createObjectNode();
    server.put("url", base);
    server.put("description", "This directory's ORUK 3.0 API");
    ArrayNode servers = mapper.createArrayNode().add(server);
    // Keep the standard's property order: servers comes straight after info.
    ObjectNode ordered = mapper.createObjectNode();
    copy.properties().forEach(entry -> {
      if (!entry.getKey().equals("servers")) {
        ordered.set(entry.getKey(), entry.getValue());
      }
      if (entry.getKey().equals("info")) {
        ordered.set("servers", servers);
      }
    });
    if (!ordered.has("servers")) {
      ordered.set("servers", servers);
    }
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(ordered);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (byBase.size() >= MAX_CACHED) {
      byBase.clear();
    }
    byBase.put(base, bytes);
    return bytes;
  }
}
