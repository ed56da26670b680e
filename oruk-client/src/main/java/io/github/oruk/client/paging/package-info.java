/**
 * Every record of a list endpoint, page by page, with a guard that checks the pages against each other.
 *
 * <p>{@link io.github.oruk.client.paging.PagedRecords} is what {@code OrukClient.stream(...)} returns: a
 * lazy stream or iterator over all records, ending on the feed's own end markers and surviving the
 * inconsistencies real feeds have (stalled or repeated pages, drifting totals, duplicates, capped page
 * sizes, missing envelopes, legacy v1 paging counted from 0 or 1). What it notices is a
 * {@link io.github.oruk.client.paging.PagingFinding} with a stable {@link io.github.oruk.client.paging.PagingCode},
 * told to a {@link io.github.oruk.client.paging.PagingObserver} and kept in the
 * {@link io.github.oruk.client.paging.PagingSummary}.
 *
 * <p>The guard judges pages with the shared {@link io.github.oruk.model.paging.PagingChecker} of
 * {@code oruk-model}, the same one the live-feed validator uses; a finding's code is the fact's
 * ({@code ORUK-PAGE-nnn}), and the guard's earlier {@code ORUK-PAGING-nnn} is its
 * {@link io.github.oruk.client.paging.PagingCode#alias() alias}.
 *
 * <p>The guard works on any {@link io.github.oruk.client.paging.PageSource}, so it can be used (and tested)
 * without HTTP.
 */
@NullMarked
package io.github.oruk.client.paging;

import org.jspecify.annotations.NullMarked;
