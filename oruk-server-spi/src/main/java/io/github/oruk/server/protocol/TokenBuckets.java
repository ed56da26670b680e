package io.github.oruk.server.protocol;

import io.github.oruk.server.Throttle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Token buckets for {@link Throttle}: one shared, or one per client address (idle ones are dropped). */
final class TokenBuckets {

  private static final int MAX_CLIENTS = 10_000;

  private final double perNano;
  private final int burst;
  private final boolean perClient;
  private final LongSupplier clock;
  private final Bucket shared;
  private final ConcurrentHashMap<String, Bucket> clients = new ConcurrentHashMap<>();
  private final AtomicInteger sinceCleanup = new AtomicInteger();

  TokenBuckets(Throttle throttle, LongSupplier clock) {
    this.perNano = throttle.requestsPerSecond() / 1e9;
    this.burst = throttle.burst();
    this.perClient = throttle.perClient();
    this.clock = clock;
    this.shared = new Bucket(burst, clock.getAsLong());
  }

  /** Takes a token for this client: 0 when there was one, else the nanoseconds until there will be. */
  long acquire(String client) {
    long now = clock.getAsLong();
    Bucket bucket = shared;
    if (perClient) {
      bucket = clients.computeIfAbsent(client, c -> new Bucket(burst, now));
      if (sinceCleanup.incrementAndGet() >= 1_000 || clients.size() > MAX_CLIENTS) {
        sinceCleanup.set(0);
        cleanup(now);
      }
    }
    return bucket.take(now, perNano, burst);
  }

  /** How many client buckets are held (idle ones are dropped now and then). */
  int trackedClients() {
    return clients.size();
  }

  /** Drops buckets that have refilled completely: forgetting them changes nothing. */
  private void cleanup(long now) {
    long refill = (long) (burst / perNano);
    clients.values().removeIf(bucket -> bucket.idleFor(now) > refill);
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(long now, double perNano, int burst) {
      tokens = Math.min(burst, tokens + Math.max(0, now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    synchronized long idleFor(long now) {
      return now - last;
    }
  }
}
