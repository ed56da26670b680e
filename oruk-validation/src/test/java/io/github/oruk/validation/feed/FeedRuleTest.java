package io.github.oruk.validation.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.testkit.feed.FakeFeed;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.Validator;
import io.github.oruk.validation.profile.Profile;
import io.github.oruk.validation.rule.EndpointTiming;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.FeedWalk;
import io.github.oruk.validation.rule.Rule;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The live-feed checks are rules like the others: discovered, listed with a feed's checks, and open to a user's own. */
class FeedRuleTest {

  private static final Set<Class<?>> BUILT_IN = Set.of(HttpsRule.class, CorsRule.class, ContentTypeRule.class,
      ApiDetailsRule.class, EmptyListRule.class, PagingRule.class, RoundTripRule.class, FilterRule.class,
      SpeedRule.class);

  @Test
  void theBuiltInFeedRulesAreDiscoveredAndListedOnlyForFeeds() {
    List<FeedRule> discovered = Validator.discover().stream().filter(FeedRule.class::isInstance)
        .map(FeedRule.class::cast).toList();
    assertEquals(BUILT_IN, discovered.stream().map(Object::getClass).collect(Collectors.toSet()));

    Set<String> feedCodes = discovered.stream().flatMap(rule -> rule.infos().stream()).map(RuleInfo::code)
        .collect(Collectors.toSet());
    ValidationReport file = Validator.strict().validateDocument(new byte[] {'{', '}'}, "empty.json");
    assertTrue(file.checks().stream().noneMatch(check -> feedCodes.contains(check.code())),
        () -> "a file's report lists no feed checks: " + file.checks().stream().map(RuleInfo::code).toList());

    try (FakeFeed feed = FakeFeed.builder().services(3).start()) {
      ValidationReport report = FeedValidator.builder(Validator.strict()).filterTests(false).build()
          .validate(feed.baseUri().toString());
      List<String> listed = report.checks().stream().map(RuleInfo::code).toList();
      assertTrue(listed.containsAll(feedCodes), "every feed rule's code is listed: " + listed);
      // Listed by family, in the order a check meets them, then by number.
      List<String> families = listed.stream().filter(feedCodes::contains)
          .map(code -> code.substring(5, code.lastIndexOf('-'))).distinct().toList();
      assertEquals(List.of("FEED", "PAGE", "ROUNDTRIP", "HTTP", "FILTER"), families);
      List<String> pages = listed.stream().filter(code -> code.startsWith("ORUK-PAGE-")).toList();
      assertEquals(pages.stream().sorted().toList(), pages);
    }
  }

  @Test
  void aUsersOwnFeedRuleIsToldOfEveryMomentInOrderAndReportsLikeTheBuiltInOnes() {
    Recording mine = new Recording();
    List<Rule> rules = new ArrayList<>(Validator.discover());
    rules.add(mine);
    Validator validator = Validator.builder().rules(rules).build();

    ValidationReport report;
    try (FakeFeed feed = FakeFeed.builder().services(25).perPage(10).start()) {
      report = FeedValidator.builder(validator).sample(4).filterTests(false).build()
          .validate(feed.baseUri().toString());
    }

    List<String> moments = mine.moments;
    assertEquals("started", moments.get(0));
    assertEquals("finished", moments.get(moments.size() - 1));
    assertEquals(1, Collections.frequency(moments, "apiDetails"));
    assertTrue(moments.indexOf("apiDetails") < moments.indexOf("listed /services"), moments.toString());
    assertTrue(moments.indexOf("listed /services") < moments.indexOf("walked /services 25"), moments.toString());
    assertTrue(moments.indexOf("walked /services 25") < moments.indexOf("record /services/{id}"), moments.toString());
    assertEquals(4, Collections.frequency(moments, "record /services/{id}"), "the sample of 4 was looked up");
    assertTrue(moments.lastIndexOf("record /services/{id}") < moments.indexOf("explore 4"), moments.toString());
    // Every answer is told: three pages of /services, the per_page probe, the sample, / and the other lists.
    assertTrue(Collections.frequency(moments, "answered /services") >= 4, moments.toString());

    List<Finding> mineFound = report.findings("TEST-FEED-001");
    assertEquals(1, mineFound.size(), "firstTime lets a rule report once: " + mineFound);
    assertEquals(Severity.WARNING, mineFound.get(0).severity());
    EndpointResult services = report.endpoints().stream().filter(e -> e.path().equals("/services")).findFirst()
        .orElseThrow();
    assertTrue(services.warnings() >= 1, "the finding counts against its endpoint: " + services);
    assertTrue(report.checks().contains(Recording.INFO), "a user's feed rule is listed with the feed's checks");
  }

  @Test
  void aFeedRuleTheProfileDisablesReportsNothing() {
    Profile quiet = new Profile("quiet", false, Profile.DEFAULT_FRESHNESS, Map.of(), Map.of(),
        Set.of(Recording.INFO.code()), Map.of());
    try (FakeFeed feed = FakeFeed.builder().services(5).start()) {
      for (Profile profile : List.of(Profile.strict(), quiet)) {
        List<Rule> rules = new ArrayList<>(Validator.discover());
        rules.add(new Recording());
        ValidationReport report = FeedValidator.builder(Validator.builder().profile(profile).rules(rules).build())
            .filterTests(false).build().validate(feed.baseUri().toString());
        assertEquals(profile == quiet ? 0 : 1, report.findings(Recording.INFO.code()).size(), profile.name());
        assertEquals(profile != quiet, report.checks().contains(Recording.INFO), profile.name());
      }
    }
  }

  /** A user's own rule: remembers the moments it is told of, and reports the first /services answer it sees. */
  private static final class Recording implements FeedRule {
    static final RuleInfo INFO = new RuleInfo("TEST-FEED-001", "Seen", Category.FEED_BEHAVIOUR, Severity.WARNING,
        Set.of(), "Nothing to fix: the test's own rule.");
    final List<String> moments = Collections.synchronizedList(new ArrayList<>());

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void started(URI base, FeedContext feed) {
      moments.add("started");
    }

    @Override
    public void answered(Endpoint endpoint, RawResponse answer, FeedContext feed) {
      moments.add("answered " + endpoint.path());
      if (endpoint == Endpoint.SERVICES && feed.firstTime(this)) {
        feed.report(INFO, endpoint, answer.uri().toString(), "", "", "seen", null);
      }
    }

    @Override
    public void apiDetails(JsonNode details, URI uri, FeedContext feed) {
      moments.add("apiDetails");
    }

    @Override
    public void listed(Endpoint list, JsonNode firstPage, URI uri, FeedContext feed) {
      moments.add("listed " + list.path());
    }

    @Override
    public void paging(Endpoint list, URI uri, PagingIssue issue, FeedContext feed) {
      moments.add("paging " + issue.fact());
    }

    @Override
    public void walked(Endpoint list, List<String> ids, URI uri, FeedContext feed) {
      moments.add("walked " + list.path() + " " + ids.size());
    }

    @Override
    public void record(Endpoint byId, String id, JsonNode item, JsonNode record, URI uri, FeedContext feed) {
      moments.add("record " + byId.path());
    }

    @Override
    public void explore(FeedWalk walk, FeedContext feed) {
      moments.add("explore " + walk.services().size());
    }

    @Override
    public void finished(List<EndpointTiming> timings, FeedContext feed) {
      moments.add("finished");
    }
  }
}
