package io.github.oruk.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.spec.OrukSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which properties of each record are free text (no format, not an identifier, not an enumeration), which
 * of those may hold markup ({@code x-oruk-markup-allowed}), and which properties the standard defines at
 * all (the rest are extensions), read from the spec document.
 */
final class TextFields {

  private static final Map<RecordType, Set<String>> PLAIN = new EnumMap<>(RecordType.class);
  private static final Map<RecordType, Set<String>> EMAIL = new EnumMap<>(RecordType.class);
  private static final Map<RecordType, Set<String>> URL = new EnumMap<>(RecordType.class);
  private static final Map<RecordType, Map<String, Boolean>> SEARCHED = new EnumMap<>(RecordType.class);

  // HashSet and HashMap rather than Set.of and Map.copyOf: they compare hashes before names, where the immutable
  // collections' probing compares the names of every slot it passes; the rules look names up for every record.
  static {
    JsonNode schemas;
    try {
      schemas = new ObjectMapper().readTree(OrukSpec.json()).at("/components/schemas");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    schemas.fields().forEachRemaining(component -> {
      String snake = component.getKey().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
      RecordType type = RecordType.fromName(snake).orElse(null);
      if (type == null) {
        return;
      }
      Set<String> plain = new HashSet<>();
      Set<String> email = new HashSet<>();
      Set<String> url = new HashSet<>();
      Set<String> prose = new HashSet<>();
      Set<String> standard = new HashSet<>();
      component.getValue().path("properties").fields().forEachRemaining(property -> {
        JsonNode schema = property.getValue();
        String name = property.getKey();
        standard.add(name);
        String format = schema.path("format").asText("");
        if (!"string".equals(schema.path("type").asText()) || schema.has("enum")) {
          return;
        }
        if (format.equals("email")) {
          email.add(name);
        } else if (format.equals("uri") || name.equals("logo") || name.equals("uri")) {
          url.add(name);
        } else if (format.isEmpty() && !name.equals("id") && !name.endsWith("_id")) {
          prose.add(name);
          if (!schema.path("x-oruk-markup-allowed").asBoolean(false)) {
            plain.add(name);
          }
        }
      });
      PLAIN.put(type, Collections.unmodifiableSet(plain));
      EMAIL.put(type, Collections.unmodifiableSet(email));
      URL.put(type, Collections.unmodifiableSet(url));
      Map<String, Boolean> searched = new HashMap<>();
      standard.forEach(name -> searched.put(name, email.contains(name) || prose.contains(name)));
      SEARCHED.put(type, Collections.unmodifiableMap(searched));
    });
  }

  private TextFields() {
  }

  static Set<String> plain(RecordType type) {
    return PLAIN.getOrDefault(type, Set.of());
  }

  static Set<String> email(RecordType type) {
    return EMAIL.getOrDefault(type, Set.of());
  }

  static Set<String> url(RecordType type) {
    return URL.getOrDefault(type, Set.of());
  }

  /**
   * Every property the standard defines for the type, each with whether it is an e-mail or free-text property
   * (those searched for personal data): one lookup where the personal-data rule made three.
   */
  static Map<String, Boolean> searched(RecordType type) {
    return SEARCHED.getOrDefault(type, Map.of());
  }
}
