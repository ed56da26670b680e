/**
 * Aggregation: refreshing a feed into the store — the full list of ids each time, details only for new and
 * changed records, provenance and history for each, verdicts and counts for each refresh, withdrawals after a
 * complete refresh, resumable after a crash, with progress.
 */
@NullMarked
package io.github.oruk.hub.refresh;

import org.jspecify.annotations.NullMarked;
