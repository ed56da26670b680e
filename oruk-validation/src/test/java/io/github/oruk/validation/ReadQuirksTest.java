package io.github.oruk.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.validation.profile.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the JSON reader notices while parsing is part of the verdict: a name sent twice, a record too deep. */
class ReadQuirksTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNameSentTwiceFailsStrictAndWarnsInParity() {
    ObjectNode service = Fixtures.freshService(0);
    String json = service.toString();
    String twice = json.substring(0, json.length() - 1) + ",\"status\":\"inactive\"}";

    ValidationReport control = Fixtures.validator().build().validateDocument(utf8(json), "service.json");
    ValidationReport strict = Fixtures.validator().build().validateDocument(utf8(twice), "service.json");
    ValidationReport parity = Fixtures.validator().profile(Profile.parity()).build()
        .validateDocument(utf8(twice), "service.json");

    assertNotEquals(Verdict.FAIL, control.verdict(), () -> "the service is fine once: " + control.findings());
    Finding repeated = strict.findings("ORUK-JSON-003").get(0);
    assertEquals(Severity.ERROR, repeated.severity());
    assertEquals("/status", repeated.pointer());
    assertEquals(service.get("id").asText(), repeated.recordId());
    assertEquals(Verdict.FAIL, strict.verdict());
    assertEquals(Severity.WARNING, parity.findings("ORUK-JSON-003").get(0).severity());
    assertNotEquals(Verdict.FAIL, parity.verdict(), () -> "the official validator keeps the last value silently: "
        + parity.findings());
  }

  @Test
  void aRecordTooDeepInAPageIsOneFindingAndTheRestIsChecked() {
    ObjectNode deep = Fixtures.freshService(1);
    ObjectNode third = Fixtures.freshService(2).put("status", "bogus");
    String page = "{\"contents\":[" + Fixtures.freshService(0) + "," + deep.toString().replaceFirst("}$",
        ",\"pc_tree\":" + "[".repeat(150) + "]".repeat(150) + "}") + "," + third + "]}";

    ValidationReport report = Fixtures.validator().build().validateDocument(utf8(page), "page.json");

    List<Finding> unreadable = report.findings("ORUK-JSON-001");
    assertEquals(1, unreadable.size(), () -> unreadable.toString());
    assertEquals("/contents/1", unreadable.get(0).pointer());
    assertEquals(deep.get("id").asText(), unreadable.get(0).recordId());
    assertTrue(unreadable.get(0).message().contains("nested 153 levels deep"), unreadable.get(0).message());
    assertEquals(List.of(unreadable.get(0)), report.findings().stream()
        .filter(f -> f.pointer().startsWith("/contents/1")).toList(), "nothing else is said about it");
    assertTrue(report.findings("ORUK-SCHEMA-001").stream().anyMatch(f -> f.pointer().equals("/contents/2/status")
        && f.recordId().equals(third.get("id").asText())), () -> "the record after it is checked where it stands: "
        + report.findings());
  }

  @Test
  void theLimitsAreTheValidatorsCodecs() {
    String deepService = Fixtures.freshService(0).toString().replaceFirst("}$",
        ",\"pc_tree\":" + "[".repeat(150) + "]".repeat(150) + "}");

    ValidationReport defaults = Fixtures.validator().build().validateDocument(utf8(deepService), "deep.json");
    ValidationReport raised = Fixtures.validator().json(OrukJson.builder().maxNestingDepth(200).build()).build()
        .validateDocument(utf8(deepService), "deep.json");

    assertTrue(defaults.findings("ORUK-JSON-001").get(0).message().contains("maxNestingDepth"),
        defaults.findings().toString());
    assertEquals(List.of(), raised.findings("ORUK-JSON-001"));
  }
}
