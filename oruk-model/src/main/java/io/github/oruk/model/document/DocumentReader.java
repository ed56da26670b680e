package io.github.oruk.model.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.model.v1.V1Mapper;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads any ORUK document without being told what it is: a record of any type, a page of a list
 * endpoint, the {@code /} API details, or a legacy ORUK v1 service or page (mapped to the 3.0 model).
 *
 * <pre>{@code
 * ReadResult<Document> read = new DocumentReader(OrukJson.lenient()).read(bytes);
 * System.out.println(read.value().describe());   // "a page of service records"
 * }</pre>
 *
 * <p>The kind is worked out from the property names: the record type whose properties (and required
 * properties) best match the document's wins; ties go to the type listed first in {@link RecordType}.
 * When that guess is not wanted, {@link #read(byte[], RecordType, boolean)} takes the kind explicitly.
 */
public final class DocumentReader {

  private static final Set<String> ENVELOPE = Set.of(
      "contents", "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty");

  private static final Map<RecordType, Set<String>> PROPERTIES = new EnumMap<>(RecordType.class);
  private static final Map<RecordType, Set<String>> REQUIRED = new EnumMap<>(RecordType.class);

  static {
    ObjectMapper introspector = new ObjectMapper();
    for (RecordType type : RecordType.values()) {
      if (type == RecordType.API_DETAILS) {
        continue;
      }
      List<BeanPropertyDefinition> properties = introspector.getSerializationConfig()
          .introspect(introspector.constructType(type.modelClass())).findProperties();
      PROPERTIES.put(type, properties.stream().map(BeanPropertyDefinition::getName)
          .collect(Collectors.toUnmodifiableSet()));
      REQUIRED.put(type, properties.stream()
          .filter(p -> p.getField() != null && p.getField().getAnnotation(NotNull.class) != null)
          .map(BeanPropertyDefinition::getName)
          .collect(Collectors.toUnmodifiableSet()));
    }
  }

  private final OrukJson json;

  /** A reader that parses and reads with the given codec (its mode and limits apply). */
  public DocumentReader(OrukJson json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * Reads a document, working out what it is.
   *
   * @throws OrukReadException when it is not JSON, not an object, or (strict codec) needs repairs
   */
  public ReadResult<Document> read(byte[] bytes) {
    List<ReadFinding> findings = new ArrayList<>();
    JsonNode tree = json.readTree(bytes, findings);
    return read(tree, detect(tree), findings);
  }

  /** Reads a document as the given kind, without guessing. */
  public ReadResult<Document> read(byte[] bytes, RecordType type, boolean page) {
    List<ReadFinding> findings = new ArrayList<>();
    JsonNode tree = json.readTree(bytes, findings);
    Shape detected = detect(tree);
    boolean legacy = detected.legacyV1() && detected.page() == page && type == RecordType.SERVICE;
    Shape forced = new Shape(type, page, legacy, "given by the caller");
    return read(tree, forced, findings);
  }

  /**
   * Reads a parsed document as records of the given type: whether it is a page, and whether it is a legacy
   * ORUK v1 document (mapped to 3.0), is worked out as {@link #detect} does. Findings of parsing the tree are
   * the caller's.
   *
   * @throws OrukReadException when it is not an object, or (strict codec) needs repairs
   */
  public ReadResult<Document> read(JsonNode tree, RecordType type) {
    Shape detected = detect(tree);
    boolean legacy = detected.legacyV1() && type == RecordType.SERVICE;
    return read(tree, new Shape(type, detected.page(), legacy, "given by the caller"), new ArrayList<>());
  }

  private ReadResult<Document> read(JsonNode tree, Shape shape, List<ReadFinding> findings) {
    if (!tree.isObject()) {
      throw new OrukReadException(null, "", "expected a JSON object (a record, a page or the API details),"
          + " found an array or a value.", null);
    }
    ReadResult<?> read;
    if (shape.legacyV1()) {
      read = shape.page() ? V1Mapper.readPage(tree, json) : V1Mapper.readService(tree, json);
    } else if (shape.page()) {
      read = json.readPage(tree, shape.type().modelClass());
    } else {
      read = json.read(tree, shape.type().modelClass());
    }
    findings.addAll(read.findings());
    return new ReadResult<>(new Document(shape.type(), shape.page(), shape.legacyV1(), read.value()), findings);
  }

  /** Works out what a parsed document is. */
  public static Shape detect(JsonNode tree) {
    if (!tree.isObject()) {
      return new Shape(RecordType.SERVICE, false, false, "not an object");
    }
    if (V1Mapper.isV1Page(tree)) {
      return new Shape(RecordType.SERVICE, true, true, "a legacy ORUK v1 page (content, totalElements, number)");
    }
    if (V1Mapper.isV1Service(tree)) {
      return new Shape(RecordType.SERVICE, false, true, "a legacy ORUK v1 service (it has v1-only properties)");
    }
    if (tree.has("contents") || countKeys(tree, ENVELOPE) >= 3) {
      JsonNode first = tree.path("contents").path(0);
      if (first.isObject()) {
        Shape item = detectRecord(first);
        return new Shape(item.type(), true, false, "a page envelope whose first item is " + item.reason());
      }
      return new Shape(RecordType.SERVICE, true, false, "a page envelope without items; read as services");
    }
    if (tree.has("version") && (tree.has("openapi_url") || tree.has("profile")) && !tree.has("id")) {
      return new Shape(RecordType.API_DETAILS, false, false, "it has version and openapi_url/profile");
    }
    return detectRecord(tree);
  }

  @SuppressWarnings("NullAway") // REQUIRED has an entry for every candidate type
  private static Shape detectRecord(JsonNode record) {
    RecordType best = RecordType.SERVICE;
    int bestScore = Integer.MIN_VALUE;
    for (Map.Entry<RecordType, Set<String>> candidate : PROPERTIES.entrySet()) {
      int score = 0;
      for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
        score += candidate.getValue().contains(names.next()) ? 1 : -1;
      }
      for (String required : REQUIRED.get(candidate.getKey())) {
        score += record.has(required) ? 2 : -3;
      }
      if (score > bestScore) {
        bestScore = score;
        best = candidate.getKey();
      }
    }
    return new Shape(best, false, false, "a " + best.standardName() + " (its property names match best)");
  }

  private static int countKeys(JsonNode tree, Set<String> keys) {
    int count = 0;
    for (String key : keys) {
      if (tree.has(key)) {
        count++;
      }
    }
    return count;
  }
}
