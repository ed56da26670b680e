package io.github.oruk.model.v1;

import static io.github.oruk.model.v1.V1Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.json.OrukJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every value of a v1 document survives mapping and reading: each leaf of the v1 input is found among the
 * leaves of the 3.0 output, written with extensions. Values are matched as a multiset, so that two schedules
 * opening at "09:00" need two "09:00:00" in the output.
 *
 * <p>A few values legitimately change form on the way, and only those are accepted in another form:
 * <ul>
 *   <li>a date-time in a date property keeps its date part (the reader's DATE_WITH_TIME repair);
 *   <li>a time of day "HH:MM" is written "HH:MM:SS";
 *   <li>a number sent as text is written as a number;
 *   <li>a weekday becomes a {@code byday} code; a weekday that repeats a given {@code byday} only needs
 *       that day to be there;
 *   <li>a page's 0-based {@code number} becomes the 1-based {@code page_number}.
 * </ul>
 * Null and blank values carry nothing and are not looked for.
 */
class V1NothingLostTest {

  private static final OrukJson WITH_EXTENSIONS = OrukJson.builder().keepExtensions(true).build();
  private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{2}:\\d{2}.*");
  private static final Pattern HOURS_MINUTES = Pattern.compile("\\d{2}:\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  /** The weekday spellings used in the fixtures and the day each stands for, written out by hand. */
  private static final Map<String, String> WEEKDAYS = Map.of(
      "Monday", "MO", "Tuesday", "TU", "3", "WE", "Wed", "WE", "Thursday", "TH", "Friday", "FR");

  @ParameterizedTest
  @ValueSource(strings = {V1Fixtures.RICH, V1Fixtures.SPARSE, V1Fixtures.SPRING_PAGE, V1Fixtures.DRUPAL_PAGE})
  void everyV1ValueSurvivesMappingAndReading(String fixture) {
    ObjectNode v1 = load(fixture);
    JsonNode written = writtenWithExtensions(fixture, v1);

    List<String> lost = lost(v1, written);

    assertEquals(List.of(), lost, () -> "values of " + fixture + " missing from the 3.0 output:\n"
        + String.join("\n", lost) + "\noutput: " + written.toPrettyString());
  }

  @Test
  void theCheckNoticesALostValue() {
    ObjectNode v1 = load(V1Fixtures.RICH);
    ObjectNode written = (ObjectNode) writtenWithExtensions(V1Fixtures.RICH, v1);
    written.remove("reviews");
    ((ObjectNode) written.at("/schedules/1")).remove("opens_at");

    List<String> lost = lost(v1, written);

    assertTrue(lost.contains("/reviews/0/title = \"Lifeline\""), lost::toString);
    assertTrue(lost.contains("/reviews/0/score = \"5\""), lost::toString);
    assertTrue(lost.contains("/regular_schedules/1/opens_at = \"13:30:00\""), lost::toString);
    assertEquals(6, lost.size(), () -> "the review's five values and the one time: " + lost);
  }

  private static JsonNode writtenWithExtensions(String fixture, ObjectNode v1) {
    Object value = V1Fixtures.PAGES.contains(fixture)
        ? V1Mapper.readPage(v1, OrukJson.lenient()).value()
        : V1Mapper.readService(v1, OrukJson.lenient()).value();
    return WITH_EXTENSIONS.writeTree(value);
  }

  /** The v1 leaves (as "pointer = value") that cannot be matched to an output leaf. */
  private static List<String> lost(JsonNode v1, JsonNode written) {
    Map<String, Integer> available = new HashMap<>();
    leaves(written, "", (pointer, leaf) -> available.merge(canonical(leaf), 1, Integer::sum));
    List<String> lost = new ArrayList<>();
    leaves(v1, "", (pointer, leaf) -> {
      if (leaf.isNull() || leaf.isTextual() && leaf.asText().isBlank()) {
        return;
      }
      String weekday = pointer.endsWith("/weekday") ? WEEKDAYS.get(leaf.asText()) : null;
      if (weekday != null) {
        if (available.getOrDefault(weekday, 0) == 0) {
          lost.add(pointer + " = " + leaf);
        }
        return;
      }
      for (String form : forms(pointer, leaf)) {
        Integer count = available.get(form);
        if (count != null && count > 0) {
          available.put(form, count - 1);
          return;
        }
      }
      lost.add(pointer + " = " + leaf);
    });
    return lost;
  }

  /** The forms a v1 value may take in the output, the unchanged form first. */
  private static Set<String> forms(String pointer, JsonNode leaf) {
    Set<String> forms = new LinkedHashSet<>();
    String canonical = canonical(leaf);
    forms.add(canonical);
    if (leaf.isTextual()) {
      String text = leaf.asText().strip();
      var dateTime = DATE_TIME.matcher(text);
      if (dateTime.matches()) {
        forms.add(dateTime.group(1));
      }
      if (HOURS_MINUTES.matcher(text).matches()) {
        forms.add(text + ":00");
      }
      if (NUMBER.matcher(text).matches()) {
        forms.add(new BigDecimal(text).stripTrailingZeros().toPlainString());
      }
    }
    if (pointer.equals("/number") && leaf.isIntegralNumber()) {
      forms.add(Integer.toString(leaf.asInt() + 1)); // 0-based number, 1-based page_number
    }
    return forms;
  }

  private static String canonical(JsonNode leaf) {
    if (leaf.isNumber()) {
      return leaf.decimalValue().stripTrailingZeros().toPlainString();
    }
    return leaf.asText();
  }

  private static void leaves(JsonNode node, String pointer, BiConsumer<String, JsonNode> visit) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        leaves(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), visit);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), pointer + "/" + i, visit);
      }
    } else {
      visit.accept(pointer, node);
    }
  }
}
