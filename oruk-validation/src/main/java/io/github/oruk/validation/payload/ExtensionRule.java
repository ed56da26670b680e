package io.github.oruk.validation.payload;

import static io.github.oruk.validation.Category.CONSUMER_NOTE;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ORUK-EXT-001: a record carries properties the standard does not define. Allowed, but consumers should
 * know that generic tools will ignore them.
 */
public final class ExtensionRule implements RecordRule {

  static final RuleInfo INFO_RULE = RuleInfo.registered("ORUK-EXT-001", CONSUMER_NOTE, Set.of());

  private static final Map<RecordType, Set<String>> DEFINED = new EnumMap<>(RecordType.class);

  static {
    ObjectMapper introspector = new ObjectMapper();
    for (RecordType type : RecordType.values()) {
      if (type != RecordType.API_DETAILS) {
        DEFINED.put(type, introspector.getSerializationConfig()
            .introspect(introspector.constructType(type.modelClass())).findProperties().stream()
            .map(p -> p.getName()).collect(Collectors.toUnmodifiableSet()));
      }
    }
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
