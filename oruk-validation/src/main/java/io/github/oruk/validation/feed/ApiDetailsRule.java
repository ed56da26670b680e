package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.Category;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.URI;
import java.util.List;

/**
 * What {@code /} says about the API ({@code ORUK-FEED-004} ... {@code 006}): an ORUK 3.0 version, a profile URL
 * and an absolute {@code openapi_url}. A v1 version is the legacy layout, which the check itself reports
 * ({@code ORUK-FEED-007}), since it changes what is checked.
 */
public final class ApiDetailsRule implements FeedRule {

  static final RuleInfo VERSION = FeedChecks.check("ORUK-FEED-004", "Version not recognised", Category.CONFORMANCE,
      Severity.ERROR, "Answer / with \"version\": \"HSDS-UK-3.0\" so validators and consumers know what the API speaks.");
  static final RuleInfo PROFILE = FeedChecks.check("ORUK-FEED-005", "Placeholder or missing profile",
      Category.CONFORMANCE, Severity.WARNING,
      "Set \"profile\" in / to the URL where the profile is described, such as https://openreferraluk.org/.");
  static final RuleInfo OPENAPI_URL = FeedChecks.check("ORUK-FEED-006", "openapi_url missing or not absolute",
      Category.CONFORMANCE, Severity.WARNING, "Set \"openapi_url\" in / to the absolute URL of the API's OpenAPI document.");

  @Override
  public RuleInfo info() {
    return VERSION;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(VERSION, PROFILE, OPENAPI_URL);
  }

  @Override
  public void apiDetails(JsonNode details, URI uri, FeedContext feed) {
    String url = uri.toString();
    String version = details.path("version").asText(null);
    Versions.Major major = Versions.major(version);
    if (major != Versions.Major.V3 && major != Versions.Major.V1) {
      feed.report(VERSION, Endpoint.API_DETAILS, url, "/version", "", version == null
          ? "/ has no version; the official validator then falls back to openapi_url, or to ORUK v1."
          : "/ declares version '" + version + "', which is not an ORUK 3.0 version such as HSDS-UK-3.0.", version);
    }
    String profile = details.path("profile").asText("");
    if (profile.isBlank() || profile.contains("path/to") || !profile.startsWith("http")) {
      feed.report(PROFILE, Endpoint.API_DETAILS, url, "/profile", "", profile.isBlank()
          ? "/ has no profile URL." : "profile '" + profile + "' is a placeholder or not a URL.", profile);
    }
    String openapi = details.path("openapi_url").asText("");
    if (openapi.isBlank() || !(openapi.startsWith("http://") || openapi.startsWith("https://"))) {
      feed.report(OPENAPI_URL, Endpoint.API_DETAILS, url, "/openapi_url", "", openapi.isBlank()
          ? "/ has no openapi_url." : "openapi_url '" + openapi + "' is not an absolute URL.", openapi);
    }
  }
}
