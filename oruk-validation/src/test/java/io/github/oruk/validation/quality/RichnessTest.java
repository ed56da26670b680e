package io.github.oruk.validation.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.Quirk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tally tests each feature of a service once ({@link Richness#present}) and works the score and the missing
 * features out of that; they must be what {@link Richness#score(JsonNode)} and {@link Richness#missing(JsonNode)}
 * say, feature by feature, on generated services with every quirk, cut down and spoiled at random, under random
 * weights (zeros included).
 */
class RichnessTest {

  @Test
  void scoreAndMissingFromOneSetOfTestsAreThoseOfTheTestsOneByOne() {
    DataGenerator generator = DataGenerator.builder().seed(29).asOf(LocalDate.of(2026, 12, 1))
        .quirks(EnumSet.allOf(Quirk.class)).quirkRate(0.5).build();
    OrukJson json = OrukJson.lenient();
    SplittableRandom random = new SplittableRandom(29);
    List<String> features = new ArrayList<>(Richness.standard().weights().keySet());
    Set<Integer> scores = new HashSet<>();
    Set<Integer> missingCounts = new HashSet<>();
    for (int k = 0; k < 1_500; k++) {
      JsonNode service = json.readTree(generator.serviceJson(k), new ArrayList<>());
      spoil(service, random);
      Map<String, Integer> weights = new LinkedHashMap<>();
      if (k % 3 != 0) { // one in three with the default weights
        for (String feature : features) {
          if (random.nextInt(3) == 0) {
            weights.put(feature, random.nextInt(4) == 0 ? 0 : random.nextInt(1, 30));
          }
        }
      }
      Richness richness;
      try {
        richness = Richness.withWeights(weights);
      } catch (IllegalArgumentException allZero) {
        continue;
      }
      int present = richness.present(service);
      assertEquals(richness.score(service), richness.score(present), "score of service " + k + ": " + service);
      List<String> expected = richness.missing(service);
      int missing = richness.missing(present);
      for (int i = 0; i < features.size(); i++) {
        assertEquals(expected.contains(features.get(i)), (missing & (1 << i)) != 0,
            "whether service " + k + " misses " + features.get(i) + ": " + service);
      }
      scores.add(richness.score(service));
      missingCounts.add(expected.size());
    }
    assertTrue(scores.size() > 20 && missingCounts.size() > 5, "scores " + scores + ", missing counts "
        + missingCounts + ": the services should vary more");
  }

  /** Drops properties, empties arrays and blanks or retypes values, at random, all through the service. */
  private static void spoil(JsonNode node, SplittableRandom random) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        switch (random.nextInt(14)) {
          case 0 -> object.remove(name);
          case 1 -> object.put(name, random.nextBoolean() ? " " : "");
          case 2 -> object.put(name, random.nextInt(100));
          case 3 -> object.set(name, JsonNodeFactory.instance.arrayNode());
          case 4 -> object.putNull(name);
          default -> spoil(object.get(name), random);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        spoil(item, random);
      }
    }
  }
}
