package io.github.oruk.model.json;

import io.github.oruk.model.diagnostic.DiagnosticCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;

/**
 * What a reader noticed in a document. Each constant has a stable code for scripts and reports; the
 * codes never change meaning once released. What each code means (its summary) and how much it matters (its
 * severity) are written once, in the project's code registry ({@link DiagnosticCodes}, {@code codes.tsv}).
 *
 * <p>{@link #rejectedWhenStrict()} says whether {@link ReadMode#STRICT} refuses the document instead of
 * repairing or keeping the value: everything that breaks the standard is refused, while things the
 * standard allows (extension properties, markup in text) are only reported.
 */
public enum ReadCode {
  BYTE_ORDER_MARK("ORUK-READ-001", true),
  LOCAL_DATE_TIME("ORUK-READ-002", true),
  NON_UUID_ID("ORUK-READ-003", true),
  NUMBER_AS_STRING("ORUK-READ-004", true),
  BOOLEAN_AS_STRING("ORUK-READ-005", true),
  UNKNOWN_ENUM_VALUE("ORUK-READ-006", true),
  ENUM_SPELLING("ORUK-READ-007", true),
  HTML_IN_TEXT("ORUK-READ-008", false),
  EXTENSION_PROPERTY("ORUK-READ-009", false),
  UNMAPPABLE_VALUE("ORUK-READ-010", true),
  NULL_VALUE("ORUK-READ-011", true),
  DATE_WITH_TIME("ORUK-READ-012", true),
  TEXT_AS_OTHER_TYPE("ORUK-READ-013", true),
  SINGLE_VALUE_AS_LIST("ORUK-READ-014", true),
  NONSTANDARD_DATE_FORM("ORUK-READ-015", true),
  DUPLICATE_KEY("ORUK-READ-016", true),
  RECORD_LEFT_OUT("ORUK-READ-017", true),
  NUMBER_OUT_OF_RANGE("ORUK-READ-018", true),
  LEGACY_V1_DOCUMENT("ORUK-V1-001", false),
  V1_PROPERTY_MAPPED("ORUK-V1-002", false),
  V1_PROPERTY_KEPT("ORUK-V1-003", false),
  V1_PAGE_NUMBER_ASSUMED("ORUK-V1-004", false),
  V1_EMPTY_VALUE_OMITTED("ORUK-V1-005", false),
  V1_REQUIRED_MISSING("ORUK-V1-006", false);

  /** How much a finding matters to someone consuming the data. */
  public enum Severity {
    /** Worth knowing; nothing was changed. */
    INFO,
    /** The document breaks the standard; the value was repaired or kept aside. */
    WARNING
  }

  private final String code;
  private final boolean rejectedWhenStrict;
  private final Severity severity;
  private final String summary;

  ReadCode(String code, boolean rejectedWhenStrict) {
    this.code = code;
    this.rejectedWhenStrict = rejectedWhenStrict;
    DiagnosticCode registered = DiagnosticCodes.require(code);
    this.severity = Severity.valueOf(registered.severity().name());
    this.summary = registered.title();
  }

  /** One sentence saying what the reader saw and did, for reports: the code's title in the registry. */
  public String summary() {
    return summary;
  }

  /** The stable code, such as {@code ORUK-READ-002}. */
  public String code() {
    return code;
  }

  /** How much the finding matters: the code's default severity in the registry. */
  public Severity severity() {
    return severity;
  }

  /** Whether {@link ReadMode#STRICT} refuses a document containing this. */
  public boolean rejectedWhenStrict() {
    return rejectedWhenStrict;
  }

  @Override
  public String toString() {
    return code;
  }
}
