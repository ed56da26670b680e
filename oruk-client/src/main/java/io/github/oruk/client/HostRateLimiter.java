package io.github.oruk.client;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Politeness: at most a given number of requests per second to each host, shared by every request the
 * client makes, concurrent ones included. Each host has a token bucket holding one token, refilled every
 * {@code 1/rate} seconds, so requests are spaced evenly rather than sent in bursts. A request reserves its
 * slot and is scheduled for it; no thread waits.
 */
final class HostRateLimiter {

  private final long intervalNanos;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param requestsPerSecond the limit per host; 0 or less means no limit */
  HostRateLimiter(double requestsPerSecond) {
    this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) Math.ceil(1e9 / requestsPerSecond);
  }

  /** How long the caller must wait before sending to this URI's host, having reserved the slot. */
  long reserveNanos(URI uri) {
    if (intervalNanos == 0) {
      return 0;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    return buckets.computeIfAbsent(host, h -> new Bucket()).reserve(System.nanoTime(), intervalNanos);
  }

  private static final class Bucket {
    private long nextFree = Long.MIN_VALUE;

    synchronized long reserve(long now, long interval) {
      long slot = nextFree == Long.MIN_VALUE || nextFree - now < 0 ? now : nextFree;
      nextFree = slot + interval;
      return slot - now;
    }
  }
}
