package io.github.oruk.model.diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One code of the registry ({@link DiagnosticCodes}).
 *
 * @param code the stable code, upper-case words joined by hyphens, such as {@code ORUK-PAGE-007}
 * @param severity its default severity (a validation profile may change it for a run)
 * @param title a short name for it, as reports head it
 * @param fix how to put it right; {@code ""} when the code reports a repair with nothing left to do
 * @param aliases other codes that mean the same fact (older or parallel names that users' files or scripts may
 *     still use); looking one up finds this code
 */
public record DiagnosticCode(String code, Severity severity, String title, String fix, List<String> aliases) {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

  public DiagnosticCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    fix = fix == null ? "" : fix;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    for (String name : aliases) {
      requireWellFormed(name);
    }
    requireWellFormed(code);
  }

  private static void requireWellFormed(String code) {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a code is upper-case words joined by hyphens, such as ORUK-GEO-002; got '"
          + code + "'");
    }
  }
}
