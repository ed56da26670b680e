package io.github.oruk.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How complete a service is, from 0 to 100: a weighted share of the features people looking for help and
 * the apps serving them need. Weights are configurable per profile ({@code richness:} in a policy file);
 * the defaults favour what lets someone decide to go and get there.
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>feature</th><th>weight</th><th>present when the service has</th></tr>
 *   <tr><td>description</td><td>15</td><td>a description of 40 characters or more</td></tr>
 *   <tr><td>contact</td><td>15</td><td>an e-mail address, a web page, or a named contact</td></tr>
 *   <tr><td>location</td><td>15</td><td>a location with an address and a postcode</td></tr>
 *   <tr><td>schedule</td><td>10</td><td>a schedule saying when (days, times or a description)</td></tr>
 *   <tr><td>taxonomy</td><td>10</td><td>an attribute with a taxonomy term</td></tr>
 *   <tr><td>organization</td><td>5</td><td>its organization, with a name</td></tr>
 *   <tr><td>coordinates</td><td>5</td><td>a location with latitude and longitude</td></tr>
 *   <tr><td>eligibility</td><td>5</td><td>a minimum or maximum age</td></tr>
 *   <tr><td>cost</td><td>5</td><td>fees or cost options</td></tr>
 *   <tr><td>assured</td><td>5</td><td>an assured date</td></tr>
 *   <tr><td>service_area</td><td>4</td><td>a service area</td></tr>
 *   <tr><td>languages</td><td>2</td><td>a language</td></tr>
 *   <tr><td>accessibility</td><td>2</td><td>accessibility information at a location</td></tr>
 *   <tr><td>last_modified</td><td>2</td><td>a last-modified time</td></tr>
 * </table>
 */
public final class Richness {

  /** A feature's weight and how to tell whether a service has it. */
  private record Feature(int weight, Predicate<JsonNode> present) {
  }

  private static final Map<String, Feature> FEATURES = new LinkedHashMap<>();

  static {
    FEATURES.put("description", new Feature(15, s -> s.path("description").asText("").strip().length() >= 40));
    FEATURES.put("contact", new Feature(15, s -> text(s, "email") || text(s, "url")
        || any(s.path("contacts"), c -> text(c, "name"))));
    FEATURES.put("location", new Feature(15, s -> any(s.path("service_at_locations"),
        sal -> any(sal.path("location").path("addresses"), a -> text(a, "postal_code") && text(a, "address_1")))));
    FEATURES.put("schedule", new Feature(10, s -> any(s.path("schedules"),
        sch -> text(sch, "byday") || text(sch, "opens_at") || text(sch, "description") || text(sch, "bymonthday"))));
    FEATURES.put("taxonomy", new Feature(10, s -> any(s.path("attributes"), a -> a.path("taxonomy_term").isObject()
        || text(a, "taxonomy_term_id"))));
    FEATURES.put("organization", new Feature(5, s -> text(s.path("organization"), "name")));
    FEATURES.put("coordinates", new Feature(5, s -> any(s.path("service_at_locations"),
        sal -> sal.path("location").path("latitude").isNumber() && sal.path("location").path("longitude").isNumber())));
    FEATURES.put("eligibility", new Feature(5, s -> s.path("minimum_age").isNumber() || s.path("maximum_age").isNumber()));
    FEATURES.put("cost", new Feature(5, s -> text(s, "fees") || s.path("cost_options").size() > 0));
    FEATURES.put("assured", new Feature(5, s -> text(s, "assured_date")));
    FEATURES.put("service_area", new Feature(4, s -> s.path("service_areas").size() > 0));
    FEATURES.put("languages", new Feature(2, s -> s.path("languages").size() > 0));
    FEATURES.put("accessibility", new Feature(2, s -> any(s.path("service_at_locations"),
        sal -> sal.path("location").path("accessibility").size() > 0)));
    FEATURES.put("last_modified", new Feature(2, s -> text(s, "last_modified")));
  }

  /** The features in the order of {@link #FEATURES}, which is that of every instance's weights. */
  private static final List<Feature> ORDER = List.copyOf(FEATURES.values());

  private final Map<String, Integer> weights;
  private final int[] weightByIndex;
  /** A bit for each feature whose weight is above 0. */
  private final int carriesWeight;

  private Richness(Map<String, Integer> weights) {
    this.weights = weights;
    this.weightByIndex = weights.values().stream().mapToInt(Integer::intValue).toArray();
    int carrying = 0;
    for (int i = 0; i < weightByIndex.length; i++) {
      carrying |= weightByIndex[i] > 0 ? 1 << i : 0;
    }
    this.carriesWeight = carrying;
  }

  /** The default weights. */
  public static Richness standard() {
    return withWeights(Map.of());
  }

  /**
   * The default weights with some replaced.
   *
   * @throws IllegalArgumentException naming an unknown feature, or when every weight is 0
   */
  public static Richness withWeights(Map<String, Integer> overrides) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    FEATURES.forEach((name, feature) -> weights.put(name, feature.weight()));
    overrides.forEach((name, weight) -> {
      if (!FEATURES.containsKey(name)) {
        throw new IllegalArgumentException("unknown richness feature '" + name + "'; the features are "
            + String.join(", ", FEATURES.keySet()));
      }
      weights.put(name, weight);
    });
    if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      throw new IllegalArgumentException("at least one richness weight must be above 0");
    }
    return new Richness(Collections.unmodifiableMap(weights));
  }

  /** The weight of every feature, in the order above. */
  public Map<String, Integer> weights() {
    return weights;
  }

  /** The score of a service (its JSON as sent), 0 to 100. */
  @SuppressWarnings("NullAway") // every feature is a key of the index, built from the same list
  public int score(JsonNode service) {
    int total = 0;
    int present = 0;
    for (Map.Entry<String, Integer> weight : weights.entrySet()) {
      total += weight.getValue();
      if (FEATURES.get(weight.getKey()).present().test(service)) {
        present += weight.getValue();
      }
    }
    return Math.round(100f * present / total);
  }

  /** The features a service lacks that carry weight, heaviest first. */
  @SuppressWarnings("NullAway") // every feature is a key of the index, built from the same list
  public List<String> missing(JsonNode service) {
    List<String> missing = new ArrayList<>();
    weights.entrySet().stream()
        .filter(w -> w.getValue() > 0 && !FEATURES.get(w.getKey()).present().test(service))
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(w -> missing.add(w.getKey()));
    return missing;
  }

  /**
   * The features a service has (its JSON as sent), one bit each in the order of {@link #weights()}: each test made
   * once, where {@link #score} and {@link #missing} each make them all. {@link #score(int)} and
   * {@link #missing(int)} read the rest from it.
   */
  int present(JsonNode service) {
    int present = 0;
    int bit = 1;
    for (Feature feature : ORDER) {
      if (feature.present().test(service)) {
        present |= bit;
      }
      bit <<= 1;
    }
    return present;
  }

  /** {@link #score(JsonNode)} of a service with the features {@code present} ({@link #present}). */
  int score(int present) {
    int total = 0;
    int sum = 0;
    for (int i = 0; i < weightByIndex.length; i++) {
      total += weightByIndex[i];
      if ((present & (1 << i)) != 0) {
        sum += weightByIndex[i];
      }
    }
    return Math.round(100f * sum / total);
  }

  /** The features that {@link #missing(JsonNode)} names, as bits in the order of {@link #weights()}. */
  int missing(int present) {
    return ~present & carriesWeight;
  }

  private static boolean text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() && !value.asText().isBlank();
  }

  private static boolean any(JsonNode array, Predicate<JsonNode> test) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode item : array) {
      if (test.test(item)) {
        return true;
      }
    }
    return false;
  }
}
