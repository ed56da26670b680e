package io.github.oruk.testkit.generate;

import io.github.oruk.model.json.ReadCode;

/**
 * A real-world feed quirk the generator can inject into a service's JSON. Each one breaks (or, for
 * {@link #HTML_IN_DESCRIPTION} and {@link #VENDOR_EXTENSION}, merely stretches) the standard in one
 * place, {@link #pointer()}, and the lenient reader reports it with {@link #detectedBy()}.
 *
 * <p>When the service lacks the property a quirk needs, the quirk supplies one (a service without
 * contacts gets one contact for {@link #CONTACTS_AS_SINGLE_OBJECT}, for example).
 */
public enum Quirk {

  /**
   * A UTF-8 byte order mark before the JSON. It belongs to a document, not a record: in NDJSON output it
   * is written once, at the start of the stream, and {@link DataGenerator#quirksFor(int)} never lists it.
   */
  BYTE_ORDER_MARK(ReadCode.BYTE_ORDER_MARK, ""),
  /** {@code last_modified} as UK wall-clock time without an offset, e.g. {@code 2024-05-01T10:30:00.000}. */
  LAST_MODIFIED_WITHOUT_OFFSET(ReadCode.LOCAL_DATE_TIME, "/last_modified"),
  /** The service {@code id} is a legacy key such as {@code SVC-104233}, not a UUID. */
  NON_UUID_ID(ReadCode.NON_UUID_ID, "/id"),
  /** {@code minimum_age} sent as text, e.g. {@code "11"}. */
  MINIMUM_AGE_AS_STRING(ReadCode.NUMBER_AS_STRING, "/minimum_age"),
  /** A {@code status} outside the standard's list, e.g. {@code "suspended"}. */
  UNKNOWN_STATUS(ReadCode.UNKNOWN_ENUM_VALUE, "/status"),
  /** The right {@code status} in the wrong letter case, e.g. {@code "Active"}. */
  STATUS_WRONG_CASE(ReadCode.ENUM_SPELLING, "/status"),
  /** HTML markup in the plain-text service {@code description}. */
  HTML_IN_DESCRIPTION(ReadCode.HTML_IN_TEXT, "/description"),
  /** A vendor property the standard does not define: a {@code pc_metadata} object. */
  VENDOR_EXTENSION(ReadCode.EXTENSION_PROPERTY, "/pc_metadata"),
  /** {@code "alert": null} instead of leaving the property out. */
  NULL_FOR_OPTIONAL(ReadCode.NULL_VALUE, "/alert"),
  /** {@code assured_date} with a time, e.g. {@code 2024-03-01T00:00:00.000Z}. */
  ASSURED_DATE_WITH_TIME(ReadCode.DATE_WITH_TIME, "/assured_date"),
  /** The first location's {@code external_identifier} (a UPRN) sent as a JSON number. */
  EXTERNAL_IDENTIFIER_AS_NUMBER(ReadCode.TEXT_AS_OTHER_TYPE, "/service_at_locations/0/location/external_identifier"),
  /** {@code contacts} sent as one object instead of a list. */
  CONTACTS_AS_SINGLE_OBJECT(ReadCode.SINGLE_VALUE_AS_LIST, "/contacts"),
  /** {@code organization} sent as the organization's name (a string) instead of an object. */
  ORGANIZATION_AS_STRING(ReadCode.UNMAPPABLE_VALUE, "/organization"),
  /** The first schedule's {@code valid_from} as a UK day/month/year date, e.g. {@code 31/01/2024}. */
  UK_DATE_FORMAT(ReadCode.NONSTANDARD_DATE_FORM, "/schedules/0/valid_from");

  private final ReadCode detectedBy;
  private final String pointer;

  Quirk(ReadCode detectedBy, String pointer) {
    this.detectedBy = detectedBy;
    this.pointer = pointer;
  }

  /** The code {@code OrukJson.lenient()} reports for this quirk. */
  public ReadCode detectedBy() {
    return detectedBy;
  }

  /** Where in the service document the quirk is put, as a JSON Pointer ({@code ""}: the whole document). */
  public String pointer() {
    return pointer;
  }

  /** Whether the quirk belongs to a whole document rather than to one record (only the byte order mark). */
  public boolean documentLevel() {
    return this == BYTE_ORDER_MARK;
  }

  /** Whether the two quirks change the same property, so that one service cannot carry both. */
  public boolean conflictsWith(Quirk other) {
    return other != this && pointer.equals(other.pointer);
  }
}
