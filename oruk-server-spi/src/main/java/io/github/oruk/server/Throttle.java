package io.github.oruk.server;

/**
 * A token bucket that limits how fast clients may call the API; a request that finds the bucket empty is
 * answered with 429 and {@code Retry-After}. The standard allows publishers to throttle.
 *
 * @param requestsPerSecond how fast the bucket refills (sustained rate), above 0
 * @param burst how many requests the bucket holds (short bursts above the rate), at least 1
 * @param perClient one bucket per client address (true), or one bucket shared by everyone (false)
 */
public record Throttle(double requestsPerSecond, int burst, boolean perClient) {

  public Throttle {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be above 0; got " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1; got " + burst);
    }
  }

  /** One bucket per client address. */
  public static Throttle perClient(double requestsPerSecond, int burst) {
    return new Throttle(requestsPerSecond, burst, true);
  }

  /** One bucket for all clients together. */
  public static Throttle global(double requestsPerSecond, int burst) {
    return new Throttle(requestsPerSecond, burst, false);
  }
}
