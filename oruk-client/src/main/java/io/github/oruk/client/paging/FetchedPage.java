package io.github.oruk.client.paging;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.v1.PageBase;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page as a {@link PageSource} fetched and read it, before the guard looks at it.
 *
 * @param uri the address it came from
 * @param requestedPage the {@code page} parameter sent (feed numbering), or null when none was sent
 * @param page the page, in the ORUK 3.0 model
 * @param feedPageNumber the page's own number in the feed's numbering ({@code page_number}, or a v1 page's
 *     raw {@code number}, which may count from 0); null when the feed did not say
 * @param legacyPageBase for a legacy v1 page, how its {@code number} counts (as decided or detected); null
 *     for an ORUK 3.0 page
 * @param envelopeMissing whether the list came as a bare array, with no envelope at all
 * @param readFindings what the reader repaired or kept aside
 * @param <T> the record type
 */
public record FetchedPage<T>(URI uri, @Nullable Integer requestedPage, Page<T> page, @Nullable Integer feedPageNumber,
    @Nullable PageBase legacyPageBase, boolean envelopeMissing, List<ReadFinding> readFindings) {

  public FetchedPage {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(page, "page");
    readFindings = List.copyOf(readFindings);
  }

  /** Whether it was a legacy ORUK v1 page. */
  public boolean legacyV1() {
    return legacyPageBase != null;
  }
}
