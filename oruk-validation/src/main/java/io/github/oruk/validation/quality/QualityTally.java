package io.github.oruk.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds up richness and freshness, counting each service once. The same service can be seen several times in
 * one validation: by id, nested in its organization, nested in each of its service-at-locations, or on two
 * lines of a file. Services are told apart by {@code id}, and each is scored on one representation: a whole
 * one (a service at the top of a document, such as a {@code /services/{id}} answer or a line of a file) over
 * a copy nested in another record (which leaves out what its parent already says), and among several of the
 * same kind the richest, so that the figures do not depend on the order the copies arrived in. Services
 * without an id cannot be matched up and are each counted. Not thread-safe (one per validation).
 */
public final class QualityTally {

  private static final List<String> BUCKETS = List.of("within 3 months", "3 to 6 months", "6 to 12 months",
      "over a year", "in the future", "never");

  private final Richness richness;
  private final LocalDate today;
  private final List<String> features;
  private final Map<String, Scored> byId = new HashMap<>();
  private final List<Scored> anonymous = new ArrayList<>();

  /**
   * One service's contribution, worked out by {@link #score(JsonNode, boolean)} without touching the tally: how whole
   * the copy was, its score, freshness bucket and missing features, and its id (null when it has none).
   */
  public static final class Scored {
    private final boolean whole;
    private final int score;
    private final int bucket;
    private final int missing;
    private final @Nullable String id;

    private Scored(boolean whole, int score, int bucket, int missing, @Nullable String id) {
      this.whole = whole;
      this.score = score;
      this.bucket = bucket;
      this.missing = missing;
      this.id = id;
    }

    /** Whether this copy should count rather than {@code other}: whole first, then richer, then fresher. */
    boolean betterThan(Scored other) {
      if (whole != other.whole) {
        return whole;
      }
      if (score != other.score) {
        return score > other.score;
      }
      if (bucket != other.bucket) {
        return bucket < other.bucket;
      }
      return Integer.bitCount(missing) < Integer.bitCount(other.missing)
          || Integer.bitCount(missing) == Integer.bitCount(other.missing) && missing < other.missing;
    }
  }

  public QualityTally(Richness richness, LocalDate today) {
    this.richness = richness;
    this.today = today;
    this.features = List.copyOf(richness.weights().keySet());
  }

  /** Scores a service given whole (its JSON as sent). */
  public void add(JsonNode service) {
    add(service, true);
  }

  /**
   * Scores a service (its JSON as sent).
   *
   * @param whole whether the service is given whole, or as a copy nested in another record
   */
  public void add(JsonNode service, boolean whole) {
    add(score(service, whole));
  }

  /**
   * A service's contribution, to {@link #add(Scored)} later: reads the service and this tally's settings only, so
   * services can be scored on several threads and added in order on one (as an NDJSON file's lines are).
   *
   * @param whole whether the service is given whole, or as a copy nested in another record
   */
  public Scored score(JsonNode service, boolean whole) {
    int present = richness.present(service);
    JsonNode id = service.path("id");
    return new Scored(whole, richness.score(present), BUCKETS.indexOf(bucket(service.path("assured_date").asText(""))),
        richness.missing(present), !id.isValueNode() || id.asText().isBlank() ? null : id.asText());
  }

  /** Adds a service scored by {@link #score(JsonNode, boolean)}. */
  public void add(Scored scored) {
    if (scored.id == null) {
      anonymous.add(scored);
      return;
    }
    byId.merge(scored.id, scored, (kept, offered) -> offered.betterThan(kept) ? offered : kept);
  }

  private String bucket(String assured) {
    if (assured.isBlank()) {
      return "never";
    }
    LocalDate date = IsoDates.date(assured.length() > 10 ? assured.substring(0, 10) : assured);
    if (date == null) {
      return "never";
    }
    if (date.isAfter(today)) {
      return "in the future";
    }
    if (!date.isBefore(today.minusMonths(3))) {
      return "within 3 months";
    }
    if (!date.isBefore(today.minusMonths(6))) {
      return "3 to 6 months";
    }
    if (!date.isBefore(today.minusYears(1))) {
      return "6 to 12 months";
    }
    return "over a year";
  }

  /** The figures so far. Features missing equally often are listed in the order of {@link Richness#weights()}. */
  public QualitySummary summary() {
    int[] histogram = new int[10];
    int[] freshness = new int[BUCKETS.size()];
    int[] missing = new int[features.size()];
    long scoreSum = 0;
    List<Scored> all = new ArrayList<>(byId.values());
    all.addAll(anonymous);
    for (Scored service : all) {
      scoreSum += service.score;
      histogram[Math.min(9, service.score / 10)]++;
      freshness[service.bucket]++;
      for (int i = 0; i < features.size(); i++) {
        if ((service.missing & (1 << i)) != 0) {
          missing[i]++;
        }
      }
    }
    Map<String, Integer> fresh = new LinkedHashMap<>();
    for (int i = 0; i < BUCKETS.size(); i++) {
      fresh.put(BUCKETS.get(i), freshness[i]);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      if (missing[i] > 0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> missing[b] != missing[a] ? missing[b] - missing[a] : a - b);
    Map<String, Integer> weakest = new LinkedHashMap<>();
    order.stream().limit(5).forEach(i -> weakest.put(features.get(i), missing[i]));
    int services = all.size();
    return new QualitySummary(services, services == 0 ? 0 : (double) scoreSum / services,
        java.util.Arrays.stream(histogram).boxed().toList(), fresh, weakest);
  }
}
