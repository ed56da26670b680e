package io.github.oruk.validation.junit;

import java.util.List;

/**
 * What a compliance check found.
 *
 * @param feed the base URL checked
 * @param verdict {@code pass}, {@code pass-with-warnings} or {@code fail}
 * @param checks every check that ran, passed or not
 * @param report the whole report as text, for failure messages
 */
public record ComplianceResult(String feed, String verdict, List<Check> checks, String report) {

  public ComplianceResult {
    checks = List.copyOf(checks);
  }

  /** Whether the feed complies (pass or pass-with-warnings). */
  public boolean compliant() {
    return !verdict.equals("fail");
  }

  /**
   * One check.
   *
   * @param code its stable code
   * @param title what it checks
   * @param errors what it found that fails a feed, one line each (empty when it passed)
   * @param warnings what it found that does not
   */
  public record Check(String code, String title, List<String> errors, List<String> warnings) {

    public Check {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    public boolean passed() {
      return errors.isEmpty();
    }
  }
}
