package io.github.oruk.validation.feed;

import io.github.oruk.client.RawResponse;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Locale;

/** A successful answer is served as JSON ({@code ORUK-HTTP-002}); reported once per endpoint. */
public final class ContentTypeRule implements FeedRule {

  static final RuleInfo CONTENT_TYPE = FeedChecks.check("ORUK-HTTP-002", "Not served as JSON",
      Category.FEED_BEHAVIOUR, Severity.WARNING, "Send Content-Type: application/json (charset UTF-8).");

  @Override
  public RuleInfo info() {
    return CONTENT_TYPE;
  }

  @Override
  public void answered(Endpoint endpoint, RawResponse answer, FeedContext feed) {
    String type = answer.header("Content-Type").toLowerCase(Locale.ROOT);
    if (answer.successful() && !type.contains("json") && feed.firstTime(CONTENT_TYPE.code() + endpoint)) {
      feed.report(CONTENT_TYPE, endpoint, answer.uri().toString(), "", "", "GET " + endpoint.path()
          + " answered with Content-Type '" + answer.header("Content-Type") + "', not application/json.", type);
    }
  }
}
