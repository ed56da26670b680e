package io.github.oruk.validation.feed;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.EndpointTiming;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;

/** An endpoint whose median answer takes longer than the check's {@code slow} setting ({@code ORUK-HTTP-004}). */
public final class SpeedRule implements FeedRule {

  static final RuleInfo SLOW = FeedChecks.check("ORUK-HTTP-004", "Slow responses", Category.FEED_BEHAVIOUR,
      Severity.WARNING, "Answer within a couple of seconds; consumers and the official validator time out.");

  @Override
  public RuleInfo info() {
    return SLOW;
  }

  @Override
  public void finished(List<EndpointTiming> timings, FeedContext feed) {
    long slow = feed.settings().slow().toMillis();
    for (EndpointTiming timing : timings) {
      if (timing.medianMillis() > slow) {
        feed.report(SLOW, timing.endpoint(), timing.uri().toString(), "", "", "GET " + timing.endpoint().path()
            + " took " + timing.medianMillis() + " ms (median of " + timing.answers() + "); more than " + slow
            + " ms.", Long.toString(timing.medianMillis()));
      }
    }
  }
}
