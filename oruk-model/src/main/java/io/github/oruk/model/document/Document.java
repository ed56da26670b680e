package io.github.oruk.model.document;

import io.github.oruk.model.RecordType;
import java.util.Objects;

/**
 * A document whose kind was worked out from its content.
 *
 * @param type the kind of record it holds (for a page, the kind of its items)
 * @param page whether it is a page of a list endpoint; {@link #value()} is then a {@code Page}
 * @param legacyV1 whether it was an ORUK v1 document, mapped to the 3.0 model
 * @param value the record, the {@code Page}, or the {@code ApiDetails}
 */
public record Document(RecordType type, boolean page, boolean legacyV1, Object value) {

  public Document {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** "a page of service records", "a service", "a legacy v1 page of service records", ... */
  public String describe() {
    String what = page ? "a page of " + type.standardName() + " records" : "a " + type.standardName();
    return legacyV1 ? "a legacy ORUK v1 document, read as " + what : what;
  }
}
