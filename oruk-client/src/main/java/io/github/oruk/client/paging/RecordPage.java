package io.github.oruk.client.paging;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.ReadFinding;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a walk, after the guard checked it.
 *
 * @param uri the address the page came from
 * @param ordinal which page of the walk this is, from 1
 * @param requestedPage the {@code page} parameter sent, in the feed's own numbering; null when it was left
 *     out so that the feed answers with its first page
 * @param page the page as read (mapped to ORUK 3.0 when the feed is legacy v1), envelope and all records
 * @param records the records of this page to deliver: those not delivered already, in page order
 * @param readFindings what the reader repaired or kept aside in this page
 * @param legacyV1 whether the page was a legacy ORUK v1 page
 * @param nextPage the {@code page} parameter the walk asks for next, in the feed's own numbering; null when
 *     this page ended the walk. A harvest stores it to resume from.
 * @param <T> the record type
 */
public record RecordPage<T>(URI uri, int ordinal, @Nullable Integer requestedPage, Page<T> page, List<T> records,
    List<ReadFinding> readFindings, boolean legacyV1, @Nullable Integer nextPage) {

  public RecordPage {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(page, "page");
    records = List.copyOf(records);
    readFindings = List.copyOf(readFindings);
  }
}
