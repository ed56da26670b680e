package io.github.oruk.model.paging;

import io.github.oruk.model.diagnostic.DiagnosticCode;
import io.github.oruk.model.diagnostic.DiagnosticCodes;
import java.util.List;
import java.util.Optional;

/**
 * One fact about paging that can be wrong, with its one stable code. The {@code ORUK-PAGE-nnn} family is the
 * validator's (policy files name it); the client's guard used {@code ORUK-PAGING-nnn} for the same facts, and
 * those codes are kept as {@link #aliases()}, so that {@link #forCode} finds a fact by either. A code never
 * changes meaning once released. Each fact's title, fix, default severity and aliases are written once, in the
 * project's code registry ({@link DiagnosticCodes}, {@code codes.tsv}).
 *
 * <p>Two client codes name parts of one fact here: {@code ORUK-PAGING-006} (no envelope at all) and
 * {@code ORUK-PAGING-007} (envelope incomplete) are both {@link #ENVELOPE}. Two facts keep the code they have
 * where they arise: a legacy ORUK v1 feed is {@code ORUK-FEED-007}, the code the validator gives that fact, and a
 * record the reader left out of its page is {@code ORUK-READ-017}, the reader's code ({@code ORUK-PAGE-016} and
 * {@code ORUK-PAGING-013} are its aliases).
 */
public enum PagingFact {
  SIZE("ORUK-PAGE-001"),
  TOTAL_PAGES("ORUK-PAGE-002"),
  FIRST_PAGE("ORUK-PAGE-003"),
  LAST_PAGE("ORUK-PAGE-004"),
  EMPTY_FLAG("ORUK-PAGE-005"),
  PAGE_NUMBER("ORUK-PAGE-006"),
  TOTAL_CHANGED("ORUK-PAGE-007"),
  DUPLICATE("ORUK-PAGE-008"),
  PER_PAGE("ORUK-PAGE-009"),
  LAST_REACHABLE("ORUK-PAGE-010"),
  ENVELOPE("ORUK-PAGE-011"),
  STALLED("ORUK-PAGE-012"),
  PAGE_LIMIT("ORUK-PAGE-013"),
  COUNT_MISMATCH("ORUK-PAGE-014"),
  MISSING_ID("ORUK-PAGE-015"),
  RECORD_LEFT_OUT("ORUK-READ-017"),
  PER_PAGE_CAPPED("ORUK-PAGE-017"),
  LEGACY_V1("ORUK-FEED-007");

  private final String code;

  PagingFact(String code) {
    this.code = code;
  }

  /** The stable code, such as {@code ORUK-PAGE-008}. */
  public String code() {
    return code;
  }

  /** A short title, such as {@code Same record on two pages}. */
  public String title() {
    return registered().title();
  }

  /** What a publisher does to put it right. */
  public String fix() {
    return registered().fix();
  }

  /** Earlier codes of the same fact (such as {@code ORUK-PAGING-nnn}); empty when there were none. */
  public List<String> aliases() {
    return registered().aliases();
  }

  /** The registry's entry for this fact's code: title, fix, default severity and aliases are written there once. */
  public DiagnosticCode registered() {
    return DiagnosticCodes.require(code);
  }

  /** The fact with this code or alias, if any. */
  public static Optional<PagingFact> forCode(String code) {
    String canonical = DiagnosticCodes.canonical(code);
    for (PagingFact fact : values()) {
      if (fact.code.equals(canonical)) {
        return Optional.of(fact);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
