package io.github.oruk.validation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import java.util.List;

/**
 * Checks documents against the ORUK 3.0 JSON Schemas. The default implementation interprets schemas
 * derived from the spec document with networknt json-schema-validator; a faster implementation (for
 * instance one compiled from the spec) can replace it without changing anything else, as long as it
 * reports every violation, not just the first.
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

  /** The schemas of the given variant, interpreted by networknt (draft 2020-12, formats asserted). */
  static PayloadValidator of(SchemaVariant variant) {
    return NetworkntPayloadValidator.of(variant);
  }
}
