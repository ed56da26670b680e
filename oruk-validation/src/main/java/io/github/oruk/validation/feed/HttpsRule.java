package io.github.oruk.validation.feed;

import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** A feed served over HTTPS ({@code ORUK-HTTP-003}); plain http is accepted from this machine only. */
public final class HttpsRule implements FeedRule {

  static final RuleInfo HTTPS = FeedChecks.check("ORUK-HTTP-003", "Not served over HTTPS", Category.FEED_BEHAVIOUR,
      Severity.WARNING, "ORUK APIs are served over HTTPS.");

  @Override
  public RuleInfo info() {
    return HTTPS;
  }

  @Override
  public void started(URI base, FeedContext feed) {
    if ("http".equalsIgnoreCase(base.getScheme()) && !loopback(base.getHost())) {
      feed.report(HTTPS, Endpoint.API_DETAILS, base.toString(), "", "", "the feed is served over plain http;"
          + " consumers' browsers block mixed content and anything on the way can change the data.", null);
    }
  }

  private static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
