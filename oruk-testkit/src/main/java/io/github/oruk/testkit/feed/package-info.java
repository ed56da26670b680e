/**
 * A fake ORUK feed on the loopback interface, for testing and benchmarking consumers.
 *
 * <p>{@link io.github.oruk.testkit.feed.FakeFeed} serves generated services ({@code /}, {@code /services},
 * {@code /services/{id}}) with the JDK's own HTTP server and no other dependency, and misbehaves on request
 * the way real feeds do: latency, transient failures (503, 429 with {@code Retry-After}, 502, cut
 * connections), ids that always answer 404, details served under another id, drifting totals, stalled or overlapping pages, a capped page
 * size, incomplete envelopes, bare arrays and legacy v1 envelopes counted from 0 or 1. Inside, an honest feed
 * on the model's protocol core (its query parser and page-envelope writer) sits behind a decorator that adds the
 * faults.
 */
@NullMarked
package io.github.oruk.testkit.feed;

import org.jspecify.annotations.NullMarked;
