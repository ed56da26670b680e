package io.github.oruk.validation.rule;

import io.github.oruk.model.RecordType;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

/**
 * What a profile tells the rules: the day to measure freshness from, how old an assurance may be, and the
 * properties a publisher's own policy makes mandatory.
 *
 * @param today the date freshness is measured from (fixed in tests and reports)
 * @param freshness how long ago {@code assured_date} may be before it counts as stale (ORUK guidance: 3 months)
 * @param mandatory properties a policy requires, by record type, beyond the standard's required ones
 */
public record RuleSettings(LocalDate today, Period freshness, Map<RecordType, Set<String>> mandatory) {

  public RuleSettings {
    mandatory = mandatory == null ? Map.of() : Map.copyOf(mandatory);
  }

  /** The properties mandatory for a record type under the policy (empty when none). */
  public Set<String> mandatory(RecordType type) {
    return mandatory.getOrDefault(type, Set.of());
  }
}
