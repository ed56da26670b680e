package io.github.oruk.validation.feed;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.FeedWalk;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;

/**
 * The filters of {@code /services} and {@code /service_at_locations} do what they say ({@code ORUK-FILTER-001}
 * ... {@code 003}), tested with values from the feed's own records ({@link FilterProbes}). Not run on a legacy
 * feed, when the time limit has run out, or when the check was told not to ({@code filterTests(false)}).
 */
public final class FilterRule implements FeedRule {

  static final RuleInfo IGNORED = FeedChecks.check("ORUK-FILTER-001", "Filter ignored", Category.FEED_BEHAVIOUR,
      Severity.ERROR, "Apply every query parameter (they combine with AND), or answer 400 naming the one you do not"
          + " support.");
  static final RuleInfo MISSES = FeedChecks.check("ORUK-FILTER-002", "Filter loses matching records",
      Category.FEED_BEHAVIOUR, Severity.ERROR, "A record that matches the filter must come back.");
  static final RuleInfo REFUSED = FeedChecks.check("ORUK-FILTER-003", "Filter not supported", Category.FEED_BEHAVIOUR,
      Severity.INFO, "Supporting the standard filters makes the feed far more useful to apps.");

  @Override
  public RuleInfo info() {
    return IGNORED;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(IGNORED, MISSES, REFUSED);
  }

  @Override
  public void explore(FeedWalk walk, FeedContext feed) {
    if (feed.settings().filterTests() && !walk.legacy() && !walk.outOfTime()) {
      feed.step("the filter tests");
      new FilterProbes(feed, walk).run();
    }
  }
}
