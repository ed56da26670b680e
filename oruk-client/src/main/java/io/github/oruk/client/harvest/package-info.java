/**
 * Harvesting a whole feed: every service, in full, streamed to a sink.
 *
 * <p>{@link io.github.oruk.client.harvest.Harvester} lists {@code /services} page by page and fetches
 * {@code /services/{id}} for each service with bounded concurrency, delivering each to a
 * {@link io.github.oruk.client.harvest.HarvestSink} (such as {@link io.github.oruk.client.harvest.NdjsonSink})
 * as it arrives. {@link io.github.oruk.client.harvest.HarvestOptions} sets the concurrency, the list query
 * ({@code modified_after} for incremental harvests), progress reports and the
 * {@link io.github.oruk.client.harvest.HarvestCheckpoint} file that lets an interrupted harvest resume.
 * The {@link io.github.oruk.client.harvest.HarvestReport} accounts for every record: delivered, failed with
 * its id, address and cause, or — when the harvest stopped, interrupted or because the feed stopped answering —
 * not attempted, and kept in the checkpoint for the next run.
 */
@NullMarked
package io.github.oruk.client.harvest;

import org.jspecify.annotations.NullMarked;
