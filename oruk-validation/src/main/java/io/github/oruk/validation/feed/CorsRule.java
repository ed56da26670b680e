package io.github.oruk.validation.feed;

import io.github.oruk.client.RawResponse;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;

/** Every answer carries {@code Access-Control-Allow-Origin: *} ({@code ORUK-HTTP-001}); reported once per endpoint. */
public final class CorsRule implements FeedRule {

  static final RuleInfo CORS = FeedChecks.check("ORUK-HTTP-001", "CORS header missing", Category.FEED_BEHAVIOUR,
      Severity.WARNING, "Send Access-Control-Allow-Origin: * on every response, as the ORUK compliance rules ask.");

  @Override
  public RuleInfo info() {
    return CORS;
  }

  @Override
  public void answered(Endpoint endpoint, RawResponse answer, FeedContext feed) {
    String seen = answer.header("Access-Control-Allow-Origin");
    if (!seen.equals("*") && feed.firstTime(CORS.code() + endpoint)) {
      feed.report(CORS, endpoint, answer.uri().toString(), "", "", "GET " + endpoint.path() + " answered without "
          + "Access-Control-Allow-Origin: *" + (seen.isEmpty() ? "" : " (it sent '" + seen + "')")
          + "; browser apps on other sites cannot read the feed.", seen);
    }
  }
}
