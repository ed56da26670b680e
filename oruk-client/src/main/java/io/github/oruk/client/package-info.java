/**
 * A typed, resilient client for any ORUK feed, ORUK 3.0 or legacy v1.
 *
 * <p>{@link io.github.oruk.client.OrukClient} is the entry point: built once per feed with
 * {@link io.github.oruk.client.OrukClient#builder(String)}, it gives typed access to all eleven endpoints,
 * synchronously and asynchronously, each answer an {@link io.github.oruk.client.OrukResponse} carrying the
 * reader's findings. Failures are {@link io.github.oruk.client.OrukClientException}s: an HTTP error status
 * ({@link io.github.oruk.client.OrukHttpException}), an answer that is not ORUK JSON
 * ({@link io.github.oruk.client.OrukProtocolException}), a timeout
 * ({@link io.github.oruk.client.OrukTimeoutException}) or a failed connection
 * ({@link io.github.oruk.client.OrukTransportException}).
 *
 * <p>{@link io.github.oruk.client.paging} walks a list across its pages with a page-invariant guard;
 * {@link io.github.oruk.client.harvest} fetches every service of a feed in full.
 *
 * <p>The client logs through {@link java.lang.System.Logger} ({@code io.github.oruk.client}): retries at
 * DEBUG, the base address at INFO when it was changed from the URL given. Extra request headers are never
 * logged.
 */
@NullMarked
package io.github.oruk.client;

import org.jspecify.annotations.NullMarked;
