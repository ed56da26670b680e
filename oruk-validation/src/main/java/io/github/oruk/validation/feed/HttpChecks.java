package io.github.oruk.validation.feed;

import io.github.oruk.client.RawResponse;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.rule.RuleInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP checks of a live feed ({@code ORUK-HTTP-001} ... {@code 004}): HTTPS, the CORS header and the content
 * type of every answer (each reported once per endpoint), and slow endpoints. {@code ORUK-HTTP-005}, an answer too
 * large, is reported where the request fails. One instance per validation; {@link #headers} is called under the
 * validation's lock when answers arrive concurrently.
 */
final class HttpChecks {

  /** Where the checks report. */
  interface Sink {
    void add(RuleInfo check, Endpoint endpoint, String url, String message, String observed);
  }

  private final Sink sink;
  private final Set<Endpoint> corsReported = EnumSet.noneOf(Endpoint.class);
  private final Set<Endpoint> typeReported = EnumSet.noneOf(Endpoint.class);

  HttpChecks(Sink sink) {
    this.sink = sink;
  }

  /** A feed on plain http, unless it is on this machine. */
  void transport(URI base) {
    if ("http".equalsIgnoreCase(base.getScheme()) && !loopback(base.getHost())) {
      sink.add(FeedChecks.HTTPS, Endpoint.API_DETAILS, base.toString(), "the feed is served over plain http;"
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

  /** An answer's CORS header and content type; each reported once per endpoint. */
  void headers(Endpoint endpoint, RawResponse answer) {
    if (!answer.header("Access-Control-Allow-Origin").equals("*") && corsReported.add(endpoint)) {
      String seen = answer.header("Access-Control-Allow-Origin");
      sink.add(FeedChecks.CORS, endpoint, answer.uri().toString(), "GET " + endpoint.path() + " answered without "
          + "Access-Control-Allow-Origin: *" + (seen.isEmpty() ? "" : " (it sent '" + seen + "')")
          + "; browser apps on other sites cannot read the feed.", seen);
    }
    String type = answer.header("Content-Type").toLowerCase(Locale.ROOT);
    if (answer.successful() && !type.contains("json") && typeReported.add(endpoint)) {
      sink.add(FeedChecks.CONTENT_TYPE, endpoint, answer.uri().toString(), "GET " + endpoint.path()
          + " answered with Content-Type '" + answer.header("Content-Type") + "', not application/json.", type);
    }
  }

  /** An endpoint whose median answer took longer than {@code slow}. */
  void speed(Endpoint endpoint, URI uri, long medianMillis, int answers, Duration slow) {
    if (medianMillis > slow.toMillis()) {
      sink.add(FeedChecks.SLOW, endpoint, uri.toString(), "GET " + endpoint.path() + " took " + medianMillis
          + " ms (median of " + answers + "); more than " + slow.toMillis() + " ms.", Long.toString(medianMillis));
    }
  }
}
