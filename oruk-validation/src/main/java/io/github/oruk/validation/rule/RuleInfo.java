package io.github.oruk.validation.rule;

import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.DiagnosticCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.validation.Category;
import io.github.oruk.model.diagnostic.Severity;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a rule is: its stable code, a title, its category, its default severity, what it looks at, and
 * how to fix what it finds.
 *
 * @param code stable code such as {@code ORUK-GEO-002}: letters, digits and hyphens
 * @param title a short name for reports
 * @param category what it is about
 * @param severity its severity unless a profile says otherwise
 * @param targets the record types it checks (empty: documents or feeds as a whole)
 * @param fix one or two sentences telling a publisher how to put it right
 */
public record RuleInfo(String code, String title, Category category, Severity severity, Set<RecordType> targets,
    String fix) {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

  public RuleInfo {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a rule code is upper-case words joined by hyphens, such as ORUK-GEO-002;"
          + " got '" + code + "'");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    targets = targets == null ? Set.of() : Set.copyOf(targets);
    fix = fix == null ? "" : fix;
  }

  /**
   * One of the project's own checks, described by the code registry ({@link DiagnosticCodes}), where its
   * title, default severity and fix are written once. Rules of your own use the constructor.
   *
   * @throws IllegalArgumentException when the code is not registered
   */
  public static RuleInfo registered(String code, Category category, Set<RecordType> targets) {
    DiagnosticCode registered = DiagnosticCodes.require(code);
    return new RuleInfo(code, registered.title(), category, Severity.valueOf(registered.severity().name()), targets,
        registered.fix());
  }
}
