package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.Verdict;
import io.github.oruk.validation.profile.Profile;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The live-feed checks against the test kit's fake feed, which misbehaves on demand. */
class FakeFeedValidationTest {

  private static ValidationReport validate(Consumer<FakeFeed.Builder> feed, Profile profile,
      Consumer<FeedValidator.Builder> options) {
    FakeFeed.Builder builder = FakeFeed.builder().services(45).perPage(10).basePath("/api");
    feed.accept(builder);
    try (FakeFeed running = builder.start()) {
      FeedValidator.Builder validator = FeedValidator.builder(Validator.builder().profile(profile).build())
          .sample(10).filterTests(false);
      options.accept(validator);
      return validator.build().validate(running.baseUri().toString());
    }
  }

  private static ValidationReport strict(Consumer<FakeFeed.Builder> feed) {
    return validate(feed, Profile.strict(), options -> { });
  }

  private static EndpointResult endpoint(ValidationReport report, String path) {
    return report.endpoints().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aWellBehavedFeedWithoutOptionalEndpointsPassesWithWarnings() {
    ValidationReport report = strict(feed -> { });

    List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors);
    assertEquals(4, report.findings("ORUK-FEED-002").size(), "four optional lists are not offered");
    assertEquals("not implemented", endpoint(report, "/taxonomies").status());
    assertEquals(1, endpoint(report, "/services").level());
    assertEquals(3, report.endpoints().stream().filter(e -> e.level() == 1).count(), "/, /services, /services/{id}");
    assertTrue(report.quality().services() <= 10, "quality is judged on by-id answers, not list items");
  }

  @Test
  void totalsThatDriftBetweenPagesAreReported() {
    ValidationReport report = strict(feed -> feed.totalDrift(3));
    assertEquals(1, report.findings("ORUK-PAGE-007").size());
  }

  @Test
  void aStalledListIsReportedAndTheWalkStops() {
    ValidationReport report = strict(feed -> feed.stallAfterPage(2));
    assertEquals(1, report.findings("ORUK-PAGE-012").size());
    assertTrue(endpoint(report, "/services").requests() < 6, "it does not keep reading the same page");
  }

  @Test
  void recordsOnTwoPagesAreReported() {
    ValidationReport report = strict(feed -> feed.overlap(2));
    assertFalse(report.findings("ORUK-PAGE-008").isEmpty());
    Finding duplicate = report.findings("ORUK-PAGE-008").get(0);
    assertTrue(duplicate.message().contains("on an earlier page already (id " + duplicate.observed()),
        duplicate.message());
    assertFalse(duplicate.message().contains("skipped"), "what the client's guard does is not the feed's fault: "
        + duplicate.message());
    assertEquals(Verdict.FAIL, report.verdict());
  }

  @Test
  void aFeedThatCapsPerPageIsNotedButNotFailed() {
    // The per_page probe asks for 2; a feed serving at most 1 a page caps it, which the paging checker
    // tells apart from ignoring per_page (more than asked for, ORUK-PAGE-009).
    ValidationReport report = strict(feed -> feed.maxPerPage(1));
    List<Finding> capped = report.findings("ORUK-PAGE-017");
    assertEquals(1, capped.size(), () -> report.findings().toString());
    assertEquals(Severity.INFO, capped.get(0).severity());
    assertEquals("1", capped.get(0).observed());
    assertEquals(List.of(), report.findings("ORUK-PAGE-009"));
  }

  @Test
  void anIncompleteEnvelopeIsReportedOnce() {
    ValidationReport report = strict(feed -> feed.omit("size", "first_page"));
    List<Finding> envelope = report.findings("ORUK-PAGE-011");
    assertEquals(1, envelope.size());
    assertTrue(envelope.get(0).message().contains("size, first_page"), envelope.get(0).message());
  }

  @Test
  void listedIdsThatAreNotFoundFailTheFeedEvenInParity() {
    ValidationReport strict = validate(feed -> feed.notFound(0, 1, 2), Profile.strict(), options -> options.sample(0));
    ValidationReport parity = validate(feed -> feed.notFound(0, 1, 2), Profile.parity(), options -> options.sample(0));

    assertEquals(3, strict.findings("ORUK-FEED-001").size());
    assertEquals(Verdict.FAIL, strict.verdict());
    assertEquals(Verdict.FAIL, parity.verdict(), "/services/{id} must answer for the ids it lists");
    assertEquals("failed", endpoint(parity, "/services/{id}").status());
  }

  @Test
  void anEmptyFeedFailsStrictButNotParity() {
    ValidationReport strict = validate(feed -> feed.services(0), Profile.strict(), options -> { });
    ValidationReport parity = validate(feed -> feed.services(0), Profile.parity(), options -> { });

    assertEquals(1, strict.findings("ORUK-FEED-008").size());
    assertEquals(1, strict.findings("ORUK-FEED-009").size());
    assertEquals(Verdict.FAIL, strict.verdict());
    assertEquals(Verdict.PASS_WITH_WARNINGS, parity.verdict(), "the official validator passes an empty feed");
    assertTrue(parity.notChecked().stream().anyMatch(n -> n.what().contains("/services/{id}")));
  }

  @Test
  void legacyV1FeedsAreRecognised() {
    ValidationReport strict = validate(feed -> feed.envelope(FakeFeed.Envelope.V1_ZERO_BASED), Profile.strict(),
        options -> { });
    ValidationReport parity = validate(feed -> feed.envelope(FakeFeed.Envelope.V1_ZERO_BASED), Profile.parity(),
        options -> { });

    assertFalse(strict.findings("ORUK-FEED-007").isEmpty());
    assertEquals(Verdict.FAIL, strict.verdict());
    assertTrue(parity.verdict().compliant(), () -> "a complete v1 feed passes the v1 rules: " + parity.findings());
    assertEquals(List.of(), parity.findings("ORUK-SCHEMA-001"), "v1 documents are not judged by 3.0 schemas");
  }

  @Test
  void anUnreachableFeedFailsWithAReason() {
    ValidationReport report = FeedValidator.builder(Validator.strict()).requestTimeout(Duration.ofSeconds(2)).build()
        .validate("http://127.0.0.1:9/api");
    assertEquals(Verdict.FAIL, report.verdict());
    Finding first = report.findings("ORUK-FEED-001").get(0);
    assertTrue(first.message().contains("no answer"), first.message());
  }

  @Test
  void boundsAreReportedAsNotChecked() {
    ValidationReport report = validate(feed -> feed.services(200), Profile.strict(),
        options -> options.maxPages(3).sample(4));

    assertTrue(report.notChecked().stream().anyMatch(n -> n.what().startsWith("pages of /services")),
        report.notChecked()::toString);
    assertTrue(report.notChecked().stream().anyMatch(n -> n.what().contains("ids listed by /services")));
    assertEquals(4, endpoint(report, "/services/{id}").requests());
  }

  @Test
  void slowFeedsAndTimeLimits() {
    ValidationReport slow = validate(feed -> feed.latency(Duration.ofMillis(60)), Profile.strict(),
        options -> options.slow(Duration.ofMillis(20)).sample(2).maxPages(2));
    assertFalse(slow.findings("ORUK-HTTP-004").isEmpty());

    ValidationReport limited = validate(feed -> feed.latency(Duration.ofMillis(80)), Profile.strict(),
        options -> options.timeout(Duration.ofMillis(300)));
    assertTrue(limited.notChecked().stream().anyMatch(n -> n.because().contains("time limit")),
        limited.notChecked()::toString);
  }

  @Test
  void ignoredFiltersAreCaught() {
    ValidationReport report = validate(feed -> { }, Profile.strict(), options -> options.filterTests(true));
    assertFalse(report.findings("ORUK-FILTER-001").isEmpty(), "the fake feed ignores organization_id and search");
    assertEquals(List.of(), report.findings("ORUK-FILTER-002"), "but every matching service comes back");
  }
}
