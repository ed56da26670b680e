package io.github.oruk.model.json;

/**
 * What a reader noticed in a document. Each constant has a stable code for scripts and reports; the
 * codes never change meaning once released.
 *
 * <p>{@link #rejectedWhenStrict()} says whether {@link ReadMode#STRICT} refuses the document instead of
 * repairing or keeping the value: everything that breaks the standard is refused, while things the
 * standard allows (extension properties, markup in text) are only reported.
 */
public enum ReadCode {
  BYTE_ORDER_MARK("ORUK-READ-001", Severity.WARNING, true,
      "The document starts with a UTF-8 byte order mark, which JSON forbids; it was skipped."),
  LOCAL_DATE_TIME("ORUK-READ-002", Severity.WARNING, true,
      "A date-time had no UTC offset; it was read as Europe/London wall-clock time."),
  NON_UUID_ID("ORUK-READ-003", Severity.WARNING, true,
      "An identifier is not a UUID; it was kept as it is."),
  NUMBER_AS_STRING("ORUK-READ-004", Severity.WARNING, true,
      "A number was sent as a JSON string; it was converted."),
  BOOLEAN_AS_STRING("ORUK-READ-005", Severity.WARNING, true,
      "A boolean was sent as a JSON string; it was converted."),
  UNKNOWN_ENUM_VALUE("ORUK-READ-006", Severity.WARNING, true,
      "A value is not one of the property's allowed values; it was kept as an extension."),
  ENUM_SPELLING("ORUK-READ-007", Severity.WARNING, true,
      "A value differed from an allowed value only in letter case or surrounding spaces; it was corrected."),
  HTML_IN_TEXT("ORUK-READ-008", Severity.INFO, false,
      "Plain text contains HTML; it was kept as it is."),
  EXTENSION_PROPERTY("ORUK-READ-009", Severity.INFO, false,
      "A property the standard does not define; it was kept as an extension."),
  UNMAPPABLE_VALUE("ORUK-READ-010", Severity.WARNING, true,
      "A value could not be converted to the property's type; it was kept, unchanged, as an extension."),
  NULL_VALUE("ORUK-READ-011", Severity.WARNING, true,
      "null was sent where the standard says to leave the property out; it was dropped."),
  DATE_WITH_TIME("ORUK-READ-012", Severity.WARNING, true,
      "A date carried a time of day as well; the date part was kept."),
  TEXT_AS_OTHER_TYPE("ORUK-READ-013", Severity.WARNING, true,
      "A number or boolean was sent where text is expected; it was converted to text."),
  SINGLE_VALUE_AS_LIST("ORUK-READ-014", Severity.WARNING, true,
      "A single object was sent where a list is expected; it was read as a list of one."),
  NONSTANDARD_DATE_FORM("ORUK-READ-015", Severity.WARNING, true,
      "A date or time was written in a form ISO 8601 / RFC 3339 does not use; it was read and is written in standard form."),
  DUPLICATE_KEY("ORUK-READ-016", Severity.WARNING, true,
      "A property name appears twice in one object; JSON leaves the meaning open and parsers differ, so the last"
          + " value was kept and the earlier one dropped."),
  RECORD_LEFT_OUT("ORUK-READ-017", Severity.WARNING, true,
      "A record of a page's list breaks a safety limit (nesting depth, text length) and could not be read; it was"
          + " left out, and the rest of the page was read."),
  NUMBER_OUT_OF_RANGE("ORUK-READ-018", Severity.WARNING, true,
      "A number lies outside the range JSON software can be relied on to hold (that of a double), or is too long to"
          + " write in plain digits; a record holding it is refused, since it can be neither kept nor written"
          + " faithfully (see NumberRange)."),
  LEGACY_V1_DOCUMENT("ORUK-V1-001", Severity.WARNING, false,
      "A legacy ORUK v1 document was mapped to the 3.0 model."),
  V1_PROPERTY_MAPPED("ORUK-V1-002", Severity.INFO, false,
      "A v1 property was moved or renamed to its 3.0 equivalent."),
  V1_PROPERTY_KEPT("ORUK-V1-003", Severity.INFO, false,
      "A v1 property has no 3.0 equivalent; it was kept as an extension."),
  V1_PAGE_NUMBER_ASSUMED("ORUK-V1-004", Severity.WARNING, false,
      "Whether a v1 page counts its number from 0 or from 1 could not be told, or contradicted what the caller"
          + " said; the message says which was used."),
  V1_EMPTY_VALUE_OMITTED("ORUK-V1-005", Severity.INFO, false,
      "A v1 property was null or empty, which v1 allowed; ORUK 3.0 asks for it to be left out, so it was."),
  V1_REQUIRED_MISSING("ORUK-V1-006", Severity.WARNING, false,
      "ORUK 3.0 requires a property the v1 document has nothing for; it was left absent, not invented.");

  /** How much a finding matters to someone consuming the data. */
  public enum Severity {
    /** Worth knowing; nothing was changed. */
    INFO,
    /** The document breaks the standard; the value was repaired or kept aside. */
    WARNING
  }

  private final String code;
  private final Severity severity;
  private final boolean rejectedWhenStrict;
  private final String summary;

  ReadCode(String code, Severity severity, boolean rejectedWhenStrict, String summary) {
    this.code = code;
    this.severity = severity;
    this.rejectedWhenStrict = rejectedWhenStrict;
    this.summary = summary;
  }

  /** One sentence saying what the reader saw and did, for reports. */
  public String summary() {
    return summary;
  }

  /** The stable code, such as {@code ORUK-READ-002}. */
  public String code() {
    return code;
  }

  /** How much the finding matters. */
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
