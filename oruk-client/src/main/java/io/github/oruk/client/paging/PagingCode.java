package io.github.oruk.client.paging;

import io.github.oruk.model.diagnostic.DiagnosticCodes;
import io.github.oruk.model.paging.PagingFact;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the page-invariant guard noticed while walking a list across its pages: a kind of
 * {@link PagingFinding}, each about one {@link PagingFact} of the shared paging checker. The code printed is the
 * fact's ({@code ORUK-PAGE-nnn}, the validator's code for the same fact; for a record left out of its page the
 * reader's, {@code ORUK-READ-017}); the guard's earlier code ({@code ORUK-PAGING-nnn}) is kept as its
 * {@link #alias()}, and any other earlier name of the fact's code ({@code ORUK-PAGE-016}) is found by {@link #find}.
 */
public enum PagingCode {
  STALLED(PagingFact.STALLED, "ORUK-PAGING-001",
      "A page repeated the previous one, or several pages in a row brought nothing new: the feed ignores the"
          + " page parameter or is stuck. Paging stopped there."),
  TOTAL_CHANGED(PagingFact.TOTAL_CHANGED, "ORUK-PAGING-002",
      "total_items changed between pages: the feed changed while it was read, or counts inconsistently."),
  DUPLICATE_ID(PagingFact.DUPLICATE, "ORUK-PAGING-003",
      "Records already delivered from an earlier page came again; they were skipped, so each record is delivered"
          + " once."),
  SIZE_MISMATCH(PagingFact.SIZE, "ORUK-PAGING-004",
      "A page's size differs from the number of records it holds; the records were counted."),
  PER_PAGE_NOT_HONOURED(PagingFact.PER_PAGE, "ORUK-PAGING-005",
      "The feed sent more records per page than per_page asked for (it ignores it); paging went on at the feed's"
          + " size."),
  ENVELOPE_MISSING(PagingFact.ENVELOPE, "ORUK-PAGING-006",
      "The list came as a bare JSON array, without a page envelope; it was read as the only page."),
  ENVELOPE_INCOMPLETE(PagingFact.ENVELOPE, "ORUK-PAGING-007",
      "The page envelope lacks properties that say where the list ends; the end was worked out another way."),
  PAGE_NUMBER_MISMATCH(PagingFact.PAGE_NUMBER, "ORUK-PAGING-008",
      "The page number the feed sent back is not the page that was asked for; the records were taken as they"
          + " came."),
  PAGE_LIMIT_REACHED(PagingFact.PAGE_LIMIT, "ORUK-PAGING-009",
      "Paging stopped at the configured page limit; the list may go on."),
  COUNT_MISMATCH(PagingFact.COUNT_MISMATCH, "ORUK-PAGING-010",
      "The number of distinct records delivered differs from the feed's total_items."),
  MISSING_ID(PagingFact.MISSING_ID, "ORUK-PAGING-011",
      "Records without an id: they were delivered, but cannot be checked for duplicates."),
  LEGACY_V1_FEED(PagingFact.LEGACY_V1, "ORUK-PAGING-012",
      "The feed answers with legacy ORUK v1 pages; they were mapped to the ORUK 3.0 model."),
  RECORD_UNREADABLE(PagingFact.RECORD_LEFT_OUT, "ORUK-PAGING-013",
      "A record of a page breaks a safety limit (nesting depth, text length) and could not be read; it was left"
          + " out, and the rest of the page was delivered."),
  PER_PAGE_CAPPED(PagingFact.PER_PAGE_CAPPED, "ORUK-PAGING-005",
      "The feed sent fewer records per page than per_page asked for on a page that was not the last (it caps"
          + " it); paging went on at the feed's size.");

  private final PagingFact fact;
  private final String alias;
  private final String summary;

  PagingCode(PagingFact fact, String alias, String summary) {
    this.fact = fact;
    this.alias = alias;
    this.summary = summary;
  }

  /** The paging fact this is about, as the shared checker of {@code oruk-model} names it. */
  public PagingFact fact() {
    return fact;
  }

  /**
   * The stable code of the fact, such as {@code ORUK-PAGE-007}: the code the validator gives the same fact, so
   * that one fact has one code ({@link #RECORD_UNREADABLE} has the reader's, {@code ORUK-READ-017}). Two kinds may
   * share a code ({@link #ENVELOPE_MISSING} and {@link #ENVELOPE_INCOMPLETE} are both {@code ORUK-PAGE-011}).
   */
  public String code() {
    return fact.code();
  }

  /** The code this kind had before it shared the validator's, such as {@code ORUK-PAGING-002}; still accepted. */
  public String alias() {
    return alias;
  }

  /**
   * What the guard does about it, as the end of a finding's message (after the shared checker's statement of the
   * fact and a semicolon); null when the checker's message says it already.
   */
  public @Nullable String done() {
    return switch (this) {
      case TOTAL_CHANGED -> "records may have moved between pages (duplicates are skipped; check the final count).";
      case DUPLICATE_ID -> "skipped, so each record is delivered once.";
      case SIZE_MISMATCH -> "the records were counted.";
      case PER_PAGE_NOT_HONOURED, PER_PAGE_CAPPED -> "paging goes on at the feed's size.";
      case ENVELOPE_MISSING -> "read it as the only page.";
      case PAGE_NUMBER_MISMATCH -> "the records were taken as they came.";
      case MISSING_ID -> "delivered all the same.";
      default -> null;
    };
  }

  /** One sentence saying what was noticed and what was done, for reports. */
  public String summary() {
    return summary;
  }

  /**
   * The kind with this name, code or alias (the guard's own, or one the code registry gives the fact's code); for a
   * shared code or alias, the first kind that has it.
   */
  public static Optional<PagingCode> find(String nameOrCode) {
    for (PagingCode candidate : values()) {
      if (candidate.name().equals(nameOrCode) || candidate.alias.equals(nameOrCode)) {
        return Optional.of(candidate);
      }
    }
    String code = DiagnosticCodes.canonical(nameOrCode);
    for (PagingCode candidate : values()) {
      if (candidate.code().equals(code)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code();
  }
}
