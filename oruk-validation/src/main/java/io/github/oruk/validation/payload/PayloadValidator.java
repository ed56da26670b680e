package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import java.util.List;

/**
 * Checks documents against the ORUK 3.0 JSON Schemas derived from the spec document. Two implementations come
 * with the module: checks compiled to Java from those schemas at build time (the default), and networknt
 * json-schema-validator interpreting them (the oracle the compiled checks are tested against, selected with
 * {@code -Doruk.validation.payload=networknt}). Another implementation can replace either without changing
 * anything else, as long as it reports every violation, not just the first.
 */
public interface PayloadValidator {

  /**
   * Every schema violation of a document.
   *
   * @param type the record type (for a page, the type of its items)
   * @param page whether the document is a page of a list endpoint
   * @param document the document as sent
   * @throws IllegalArgumentException when there is no schema for that kind of document
   */
  List<SchemaViolation> validate(RecordType type, boolean page, JsonNode document);

  /** The system property that chooses the implementation {@link #of} returns: {@code compiled} or {@code networknt}. */
  String IMPLEMENTATION_PROPERTY = "oruk.validation.payload";

  /**
   * The schemas of the given variant (draft 2020-12, formats asserted): the compiled checks, or networknt's
   * interpretation when the system property {@value #IMPLEMENTATION_PROPERTY} is {@code networknt}.
   *
   * @throws IllegalArgumentException when that property names neither
   */
  static PayloadValidator of(SchemaVariant variant) {
    String implementation = System.getProperty(IMPLEMENTATION_PROPERTY, "compiled");
    return switch (implementation) {
      case "compiled" -> CompiledPayloadValidator.of(variant);
      case "networknt" -> NetworkntPayloadValidator.of(variant);
      default -> throw new IllegalArgumentException("-D" + IMPLEMENTATION_PROPERTY + "=" + implementation
          + " names no payload checker: use compiled (the default) or networknt");
    };
  }
}
