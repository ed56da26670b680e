package io.github.oruk.client.paging;

/**
 * What the page-invariant guard noticed while walking a list across its pages. Each constant has a stable
 * code ({@code ORUK-PAGING-001} ...) for scripts and reports; a code never changes meaning once released.
 */
public enum PagingCode {
  STALLED("ORUK-PAGING-001",
      "A page repeated the previous one, or several pages in a row brought nothing new: the feed ignores the"
          + " page parameter or is stuck. Paging stopped there."),
  TOTAL_CHANGED("ORUK-PAGING-002",
      "total_items changed between pages: the feed changed while it was read, or counts inconsistently."),
  DUPLICATE_ID("ORUK-PAGING-003",
      "Records already delivered from an earlier page came again; each record is delivered once."),
  SIZE_MISMATCH("ORUK-PAGING-004",
      "A page's size differs from the number of records it holds."),
  PER_PAGE_NOT_HONOURED("ORUK-PAGING-005",
      "The feed sent a different number of records per page than per_page asked for (it caps or ignores it)."),
  ENVELOPE_MISSING("ORUK-PAGING-006",
      "The list came as a bare JSON array, without a page envelope; it was read as the only page."),
  ENVELOPE_INCOMPLETE("ORUK-PAGING-007",
      "The page envelope lacks properties that say where the list ends; the end was worked out another way."),
  PAGE_NUMBER_MISMATCH("ORUK-PAGING-008",
      "The page number the feed sent back is not the page that was asked for."),
  PAGE_LIMIT_REACHED("ORUK-PAGING-009",
      "Paging stopped at the configured page limit; the list may go on."),
  COUNT_MISMATCH("ORUK-PAGING-010",
      "The number of distinct records delivered differs from the feed's total_items."),
  MISSING_ID("ORUK-PAGING-011",
      "Records without an id: they were delivered, but cannot be checked for duplicates."),
  LEGACY_V1_FEED("ORUK-PAGING-012",
      "The feed answers with legacy ORUK v1 pages; they were mapped to the ORUK 3.0 model."),
  RECORD_UNREADABLE("ORUK-PAGING-013",
      "A record of a page breaks a safety limit (nesting depth, text length) and could not be read; it was left"
          + " out, and the rest of the page was delivered.");

  private final String code;
  private final String summary;

  PagingCode(String code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  /** The stable code, such as {@code ORUK-PAGING-002}. */
  public String code() {
    return code;
  }

  /** One sentence saying what was noticed and what was done, for reports. */
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return code;
  }
}
