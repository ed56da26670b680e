package io.github.oruk.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Adds up richness and freshness service by service; not thread-safe (one per validation). */
public final class QualityTally {

  private final Richness richness;
  private final LocalDate today;
  private final int[] histogram = new int[10];
  private final Map<String, Integer> freshness = new LinkedHashMap<>();
  private final Map<String, Integer> missing = new LinkedHashMap<>();
  private int services;
  private long scoreSum;

  public QualityTally(Richness richness, LocalDate today) {
    this.richness = richness;
    this.today = today;
    for (String bucket : List.of("within 3 months", "3 to 6 months", "6 to 12 months", "over a year",
        "in the future", "never")) {
      freshness.put(bucket, 0);
    }
  }

  /** Scores one service (its JSON as sent). */
  public void add(JsonNode service) {
    int score = richness.score(service);
    services++;
    scoreSum += score;
    histogram[Math.min(9, score / 10)]++;
    freshness.merge(bucket(service.path("assured_date").asText("")), 1, Integer::sum);
    for (String feature : richness.missing(service)) {
      missing.merge(feature, 1, Integer::sum);
    }
  }

  private String bucket(String assured) {
    if (assured.isBlank()) {
      return "never";
    }
    LocalDate date;
    try {
      date = LocalDate.parse(assured.length() > 10 ? assured.substring(0, 10) : assured);
    } catch (DateTimeParseException e) {
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

  public QualitySummary summary() {
    Map<String, Integer> weakest = missing.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(5)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    return new QualitySummary(services, services == 0 ? 0 : (double) scoreSum / services,
        java.util.Arrays.stream(histogram).boxed().toList(), freshness, weakest);
  }
}
