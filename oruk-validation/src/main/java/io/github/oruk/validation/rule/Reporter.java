package io.github.oruk.validation.rule;

import org.jspecify.annotations.Nullable;

/**
 * Where rules report what they find. The engine fills in the URL, the record id and the severity the
 * profile gives the rule; a rule says where (a JSON Pointer, relative to the document) and what.
 */
public interface Reporter {

  /**
   * Reports one finding of {@code rule}.
   *
   * @param rule the rule reporting (its code, category and default severity are used)
   * @param pointer JSON Pointer into the document
   * @param message what was expected, what was seen and how to fix it
   * @param observed the value seen, or null
   */
  void add(RuleInfo rule, String pointer, String message, @Nullable String observed);
}
