/**
 * Faults between a client and a feed, for testing that consumers lose nothing when the network and the
 * servers in front of a feed misbehave.
 *
 * <p>{@link io.github.oruk.testkit.fault.FaultProxy} sits in front of any HTTP server on the loopback
 * interface (a {@link io.github.oruk.testkit.feed.FakeFeed}, the SDK's own server, a test double) and makes a
 * seeded share of requests meet 503, 429 with {@code Retry-After}, a reset connection or a stalled answer,
 * or makes chosen addresses fail every time.
 */
@NullMarked
package io.github.oruk.testkit.fault;

import org.jspecify.annotations.NullMarked;
