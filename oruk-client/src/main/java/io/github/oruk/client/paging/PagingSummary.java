package io.github.oruk.client.paging;

import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.v1.PageBase;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a walk across pages saw, so far or in the end.
 *
 * @param pages pages fetched
 * @param records records delivered (each distinct id once)
 * @param duplicates records skipped because their id was delivered already
 * @param totalItems the last {@code total_items} the feed sent; null when it never did
 * @param end why the walk ended, or {@link PagingEnd#NOT_FINISHED}
 * @param legacyPageBase for a legacy v1 feed, how it counts pages; null for ORUK 3.0
 * @param findings everything the guard noticed, in order
 * @param readFindings how many of each kind of read finding the pages had (repairs, kept extensions, v1
 *     mapping), so that nothing the reader reported is lost even when it is not printed
 */
public record PagingSummary(int pages, long records, long duplicates, @Nullable Integer totalItems, PagingEnd end,
    @Nullable PageBase legacyPageBase, List<PagingFinding> findings, Map<ReadCode, Long> readFindings) {

  public PagingSummary {
    findings = List.copyOf(findings);
    readFindings = readFindings.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(readFindings));
  }

  /** Whether the walk reached the end the feed declared (see {@link PagingEnd#complete()}). */
  public boolean complete() {
    return end.complete();
  }

  /** Whether the feed answered with legacy ORUK v1 pages. */
  public boolean legacyV1() {
    return legacyPageBase != null;
  }

  /** The findings with the given code. */
  public List<PagingFinding> findings(PagingCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }
}
