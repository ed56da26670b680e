package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONSUMER_NOTE;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * ORUK-EXT-001: a record carries properties the standard does not define. Allowed, but consumers should
 * know that generic tools will ignore them.
 */
public final class ExtensionRule implements RecordRule {

  static final RuleInfo INFO_RULE = RuleInfo.registered("ORUK-EXT-001", CONSUMER_NOTE, Set.of());

  /**
   * The properties each record type defines: those its model class lists in {@code @JsonPropertyOrder}, which the
   * model generator writes for every property of the spec. Reading the annotation is cheap; asking Jackson to
   * introspect the classes cost about 40 ms at every start of the command line. {@code ExtensionRuleTest} holds
   * the two to the same sets.
   */
  private static final Map<RecordType, Set<String>> DEFINED = new EnumMap<>(RecordType.class);

  static {
    for (RecordType type : RecordType.values()) {
      if (type != RecordType.API_DETAILS) {
        DEFINED.put(type, defined(type));
      }
    }
  }

  /** The properties a record type's model class defines. */
  static Set<String> defined(RecordType type) {
    JsonPropertyOrder order = type.modelClass().getAnnotation(JsonPropertyOrder.class);
    if (order == null) {
      throw new IllegalStateException("the model class " + type.modelClass().getName() + " lists no properties"
          + " (@JsonPropertyOrder); the model generator is expected to write one on every record class");
    }
    // A HashSet, not Set.of: it compares hashes before names, where Set.of's probing compares the names of every
    // slot it passes (a fifth of this rule's time).
    return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(order.value())));
  }

  @Override
  public RuleInfo info() {
    return INFO_RULE;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    Set<String> defined = DEFINED.getOrDefault(record.type(), Set.of());
    for (Iterator<String> names = record.json().fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!defined.contains(name)) {
        report.add(INFO_RULE, record.pointer(name), "'" + name + "' is not a property of "
            + record.type().standardName() + " in ORUK 3.0.", null);
      }
    }
  }
}
