package io.github.oruk.testkit.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Derives independent random streams from the generator's seed, so that every record (service k,
 * organization j, the quirk choice for service k, ...) has randomness of its own. Nothing depends on how
 * many records are generated or in which order, which is what makes a short run a prefix of a long one.
 */
final class Seeds {

  /** Stream for the content of service k. */
  static final long SERVICE = 1;
  /** Stream for the content of organization j. */
  static final long ORGANIZATION = 2;
  /** Stream for which organization runs service k. */
  static final long ORGANIZATION_CHOICE = 3;
  /** Stream for whether service k receives quirks, and which. */
  static final long QUIRK_CHOICE = 4;
  /** Stream for the values written by quirks. */
  static final long INJECTION = 5;
  /** Stream for the reference date. */
  static final long REFERENCE_DATE = 6;
  /** Stream for the copies {@link NearDuplicates} makes of entity k. */
  static final long NEAR_DUPLICATE = 7;
  /** Stream for the national organization (family of branches) number k of {@link NearDuplicates}. */
  static final long BRANCH_FAMILY = 8;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {
  }

  /** A 64-bit finaliser (the one SplitMix64 uses): nearby inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The random stream for one record of one kind. */
  static SplittableRandom random(long seed, long stream, long index) {
    return new SplittableRandom(mix(mix(seed + stream * GOLDEN) + index * GOLDEN));
  }

  /** A random UUID in the version-4 layout, drawn from {@code random}. */
  static String uuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }
}
