package io.github.oruk.validation.rule;

/**
 * A validation rule. Rules are small classes discovered through {@link java.util.ServiceLoader}: list
 * your implementation's class name in {@code META-INF/services/io.github.oruk.validation.rule.Rule} and
 * it runs with the built-in ones. A rule implements one of the sub-interfaces, according to what it looks
 * at: {@link RecordRule} (one record at a time), {@link DocumentRule} (a whole response or file) or
 * {@link FeedRule} (a live API, told of each moment of a check). Implementations must be stateless and thread-safe; a public no-argument
 * constructor is required for discovery.
 */
public interface Rule {

  /** What the rule is; for a rule that reports under several codes, the main one. */
  RuleInfo info();

  /** Every code the rule can report (by default just {@link #info()}), for catalogues and documentation. */
  default java.util.List<RuleInfo> infos() {
    return java.util.List.of(info());
  }
}
