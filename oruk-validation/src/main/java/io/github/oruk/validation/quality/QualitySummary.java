package io.github.oruk.validation.quality;

import java.util.List;
import java.util.Map;

/**
 * Data quality across everything validated: how rich the services are and how recently they were assured.
 *
 * @param services how many services were scored, each once however often it was seen ({@link QualityTally})
 * @param meanRichness their mean richness, 0 to 100 (0 when there were none)
 * @param richnessHistogram how many services scored 0–9, 10–19, … 90–100 (ten buckets)
 * @param freshness how many services were last assured: {@code within 3 months}, {@code 3 to 6 months},
 *     {@code 6 to 12 months}, {@code over a year}, {@code in the future}, {@code never}
 * @param weakestFeatures the richness features most often missing, with how many services lack each
 */
public record QualitySummary(int services, double meanRichness, List<Integer> richnessHistogram,
    Map<String, Integer> freshness, Map<String, Integer> weakestFeatures) {

  public QualitySummary {
    richnessHistogram = List.copyOf(richnessHistogram);
    freshness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freshness));
    weakestFeatures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weakestFeatures));
  }
}
