package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONFORMANCE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ORUK-REF-001: a foreign key disagrees with the record it is nested in or that is nested in it: a
 * service's {@code organization_id} and its {@code organization}, a service-at-location's
 * {@code location_id} and its {@code location}, a schedule's {@code service_id} and the service holding
 * it, an attribute's {@code taxonomy_term_id} and its {@code taxonomy_term}, and so on. Absent keys are
 * fine (nesting implies them); contradicting ones mislead every consumer that joins on them.
 */
public final class ReferenceRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-REF-001", CONFORMANCE, Set.of());

  /** A key that must equal the id of the nearest enclosing record of a type. */
  private record Upward(RecordType type, String key, RecordType ancestor) {
  }

  /** A key that must equal the id of a record nested under a property. */
  private record Downward(RecordType type, String key, String property) {
  }

  private static final List<Upward> UPWARD = List.of(
      new Upward(RecordType.SCHEDULE, "service_id", RecordType.SERVICE),
      new Upward(RecordType.SERVICE_AREA, "service_id", RecordType.SERVICE),
      new Upward(RecordType.LANGUAGE, "service_id", RecordType.SERVICE),
      new Upward(RecordType.FUNDING, "service_id", RecordType.SERVICE),
      new Upward(RecordType.COST_OPTION, "service_id", RecordType.SERVICE),
      new Upward(RecordType.CONTACT, "service_id", RecordType.SERVICE),
      new Upward(RecordType.SERVICE_AT_LOCATION, "service_id", RecordType.SERVICE),
      new Upward(RecordType.ADDRESS, "location_id", RecordType.LOCATION),
      new Upward(RecordType.ACCESSIBILITY, "location_id", RecordType.LOCATION),
      new Upward(RecordType.ORGANIZATION_IDENTIFIER, "organization_id", RecordType.ORGANIZATION),
      new Upward(RecordType.SERVICE, "organization_id", RecordType.ORGANIZATION),
      new Upward(RecordType.TAXONOMY_TERM, "taxonomy_id", RecordType.TAXONOMY));

  private static final List<Downward> DOWNWARD = List.of(
      new Downward(RecordType.SERVICE, "organization_id", "organization"),
      new Downward(RecordType.SERVICE_AT_LOCATION, "location_id", "location"),
      new Downward(RecordType.SERVICE_AT_LOCATION, "service_id", "service"),
      new Downward(RecordType.ATTRIBUTE, "taxonomy_term_id", "taxonomy_term"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    // What the record is compared with is named in the message only when they differ: most records agree.
    for (Upward rule : UPWARD) {
      if (rule.type() == record.type()) {
        RecordContext ancestor = record.ancestor(rule.ancestor());
        compare(record, rule.key(), ancestor == null ? null : ancestor.json(), "the ",
            rule.ancestor().standardName(), " it is nested in", report);
      }
    }
    for (Downward rule : DOWNWARD) {
      if (rule.type() == record.type()) {
        JsonNode child = record.json().get(rule.property());
        compare(record, rule.key(), child != null && child.isObject() ? child : null, "its nested '", rule.property(),
            "'", report);
      }
    }
    if (record.type() == RecordType.ATTRIBUTE && record.parent() != null) {
      compare(record, "link_id", record.parent().json(), "the ", record.parent().type().standardName(),
          " the attribute is attached to", report);
    }
  }

  /** Reports {@code key} when it differs from the id of {@code other}, which the message calls before + name + after. */
  private static void compare(RecordContext record, String key, @Nullable JsonNode other, String before, String name,
      String after, Reporter report) {
    String value = record.text(key);
    if (value == null || other == null) {
      return;
    }
    JsonNode id = other.get("id");
    if (id != null && id.isValueNode() && !id.asText().equals(value)) {
      report.add(INFO, record.pointer(key), "'" + key + "' is " + value + " but " + before + name + after
          + " has id " + id.asText() + ".", value);
    }
  }
}
