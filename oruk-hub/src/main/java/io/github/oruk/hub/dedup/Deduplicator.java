package io.github.oruk.hub.dedup;

import io.github.oruk.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds services that describe the same real-world service, across sources and within one.
 *
 * <pre>{@code
 * Deduplicator deduplicator = Deduplicator.builder().build();          // the default thresholds
 * DedupResult result = deduplicator.run(List.of(
 *     new Source("council", councilServices), new Source("nhs", nhsServices)));
 * for (Pair pair : result.pairs()) {
 *   System.out.println(pair.a() + " " + pair.b() + " " + pair.score() + " " + pair.decision().label());
 * }
 * result.clusters();                                                   // the matches, grouped
 * }</pre>
 *
 * <p>Three steps. <b>Blocking</b>: only records that share a key are compared — the same postcode, phone number,
 * e-mail address or web domain, or one of their two rarest name words (alone, and as a pair); a key shared by
 * more than {@link Builder#maxBlockSize(int) maxBlockSize} records (a national phone number, a common word)
 * is not used, so that no key makes the work quadratic. <b>Scoring</b>: each candidate pair gets a score from 0
 * to 1 (see the README for the parts and their weights); pairs at or above the match threshold are
 * {@link Decision#MATCH matches}, those at or above the review threshold {@link Decision#REVIEW} and the rest
 * are dropped. A phone number or web site in common is never enough on its own: below a name similarity of 0.5
 * the score is the name similarity at most, and services whose places differ stay below 0.55, so branches of one
 * charity in different towns, which share its national number and site, are not merged. <b>Clustering</b>:
 * records joined by matches, directly or through others, form a {@link Cluster}.
 *
 * <p>Instances are immutable and thread-safe; a run uses every processor.
 */
public final class Deduplicator {

  /** The default match threshold: see the README, "Thresholds", for how it was chosen. */
  public static final double DEFAULT_MATCH_THRESHOLD = 0.75;
  /** The default review threshold. */
  public static final double DEFAULT_REVIEW_THRESHOLD = 0.60;
  /** The default largest block: keys shared by more records are not used to find candidates. */
  public static final int DEFAULT_MAX_BLOCK_SIZE = 100;

  private final double matchThreshold;
  private final double reviewThreshold;
  private final int maxBlockSize;
  private final boolean blocking;

  private Deduplicator(Builder builder) {
    this.matchThreshold = builder.matchThreshold;
    this.reviewThreshold = builder.reviewThreshold;
    this.maxBlockSize = builder.maxBlockSize;
    this.blocking = builder.blocking;
    if (reviewThreshold > matchThreshold) {
      throw new IllegalArgumentException("the review threshold (" + reviewThreshold
          + ") must not be above the match threshold (" + matchThreshold + "); lower it or raise the other");
    }
  }

  /** A builder with the default thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  public double matchThreshold() {
    return matchThreshold;
  }

  public double reviewThreshold() {
    return reviewThreshold;
  }

  /**
   * De-duplicates the services of {@code sources}.
   *
   * @throws IllegalArgumentException when two sources have the same name
   */
  public DedupResult run(List<Source> sources) {
    Objects.requireNonNull(sources, "sources");
    Set<String> names = new HashSet<>();
    List<Profile> profiles = new ArrayList<>();
    for (Source source : sources) {
      if (!names.add(source.name())) {
        throw new IllegalArgumentException("two sources are called '" + source.name() + "'; give each its own name");
      }
      List<Service> services = source.services();
      for (int i = 0; i < services.size(); i++) {
        String id = services.get(i).getId();
        RecordKey key = new RecordKey(source.name(), id == null || id.isEmpty() ? "#" + (i + 1) : id);
        profiles.add(Profile.of(key, services.get(i)));
      }
    }
    Map<String, Integer> frequency = new HashMap<>();
    for (Profile profile : profiles) {
      profile.name().stream().distinct().forEach(word -> frequency.merge(word, 1, Integer::sum));
    }
    int size = profiles.size();
    Map<String, Double> weights = new HashMap<>(frequency.size() * 2);
    frequency.forEach((word, count) -> weights.put(word, Math.log(1 + (double) size / count)));
    Map<String, Integer> contacts = new HashMap<>();
    for (Profile profile : profiles) {
      profile.phones().forEach(phone -> contacts.merge(phone, 1, Integer::sum));
      if (profile.email() != null) {
        contacts.merge(profile.email(), 1, Integer::sum);
      }
    }
    Scorer scorer = new Scorer(weights, Math.log(1 + size), contacts);

    int[][] blocks = blocking ? Blocking.blocks(profiles, frequency, maxBlockSize)
        : new int[][] {IntStream.range(0, size).toArray()};
    int[][] keysOf = Blocking.keysOf(blocks, size);
    List<Found> found = IntStream.range(0, size).parallel()
        .mapToObj(i -> scoreCandidates(i, profiles, blocks, keysOf, scorer))
        .flatMap(List::stream)
        .toList();
    return new DedupResult(found.stream().map(Found::pair).toList(), clusters(found, profiles));
  }

  /** A pair with its records' positions in the run (ids may repeat within a source). */
  private record Found(int i, int j, Pair pair) {
  }

  /** The pairs of record {@code i} with the later records it shares a block with, in the order of those. */
  private List<Found> scoreCandidates(int i, List<Profile> profiles, int[][] blocks, int[][] keysOf, Scorer scorer) {
    int count = 0;
    for (int block : keysOf[i]) {
      count += blocks[block].length;
    }
    int[] candidates = new int[count];
    int n = 0;
    for (int block : keysOf[i]) {
      for (int j : blocks[block]) {
        if (j > i) {
          candidates[n++] = j;
        }
      }
    }
    Arrays.sort(candidates, 0, n);
    List<Found> pairs = new ArrayList<>();
    Profile a = profiles.get(i);
    for (int k = 0; k < n; k++) {
      if (k > 0 && candidates[k] == candidates[k - 1]) {
        continue;
      }
      Profile b = profiles.get(candidates[k]);
      double score = scorer.score(a, b);
      if (score >= reviewThreshold) {
        pairs.add(new Found(i, candidates[k], new Pair(a.key(), b.key(), round(score),
            score >= matchThreshold ? Decision.MATCH : Decision.REVIEW)));
      }
    }
    return pairs;
  }

  /** Scores to four places, so that output is the same on every platform and reads well. */
  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }

  private static List<Cluster> clusters(List<Found> found, List<Profile> profiles) {
    int[] parent = IntStream.range(0, profiles.size()).toArray();
    for (Found pair : found) {
      if (pair.pair().decision() == Decision.MATCH) {
        int a = root(parent, pair.i());
        int b = root(parent, pair.j());
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    // Each root is the smallest index of its group, so groups come out in the order of their first member.
    Map<Integer, List<RecordKey>> groups = new LinkedHashMap<>();
    for (int i = 0; i < profiles.size(); i++) {
      groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(profiles.get(i).key());
    }
    return groups.values().stream().filter(members -> members.size() > 1).map(Cluster::new).toList();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Settings for a {@link Deduplicator}. */
  public static final class Builder {
    private double matchThreshold = DEFAULT_MATCH_THRESHOLD;
    private double reviewThreshold = DEFAULT_REVIEW_THRESHOLD;
    private int maxBlockSize = DEFAULT_MAX_BLOCK_SIZE;
    private boolean blocking = true;

    private Builder() {
    }

    /** The score from which a pair is a match (default {@value #DEFAULT_MATCH_THRESHOLD}). */
    public Builder matchThreshold(double threshold) {
      this.matchThreshold = requireScore(threshold, "match threshold");
      return this;
    }

    /** The score from which a pair is reported for review (default {@value #DEFAULT_REVIEW_THRESHOLD}). */
    public Builder reviewThreshold(double threshold) {
      this.reviewThreshold = requireScore(threshold, "review threshold");
      return this;
    }

    /** Keys shared by more records than this are not used to find candidates (default 100, at least 2). */
    public Builder maxBlockSize(int size) {
      if (size < 2) {
        throw new IllegalArgumentException("expected a block size of 2 or more; got " + size);
      }
      this.maxBlockSize = size;
      return this;
    }

    /**
     * Whether candidates come from blocking (the default), or every pair is scored: quadratic, for small sets,
     * and to measure what blocking misses on your data.
     */
    public Builder blocking(boolean blocking) {
      this.blocking = blocking;
      return this;
    }

    /** @throws IllegalArgumentException when the review threshold is above the match threshold */
    public Deduplicator build() {
      return new Deduplicator(this);
    }

    private static double requireScore(double threshold, String what) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("expected a " + what + " from 0 to 1; got " + threshold);
      }
      return threshold;
    }
  }
}
