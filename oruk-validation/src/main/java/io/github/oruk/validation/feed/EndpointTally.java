package io.github.oruk.validation.feed;

import io.github.oruk.client.OrukClient;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.EndpointResult;
import io.github.oruk.validation.Finding;
import io.github.oruk.validation.rule.EndpointTiming;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How each endpoint of a feed did in one check: requests, answer times, errors and warnings, and a status set by
 * the check ({@code not implemented}, {@code not checked}) or worked out at the end. Changed under the check's lock.
 */
final class EndpointTally {

  private final Map<Endpoint, Stats> stats = new EnumMap<>(Endpoint.class);

  EndpointTally() {
    for (Endpoint endpoint : Endpoint.values()) {
      stats.put(endpoint, new Stats());
    }
  }

  /** A request that was answered, whatever the status. */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  void answered(Endpoint endpoint, long millis) {
    Stats counts = stats.get(endpoint);
    counts.requests++;
    counts.millis.add(millis);
  }

  /** A request that got no answer. */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  void failed(Endpoint endpoint) {
    stats.get(endpoint).requests++;
  }

  /** Whether any request to the endpoint was answered. */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  boolean answeredAny(Endpoint endpoint) {
    return !stats.get(endpoint).millis.isEmpty();
  }

  /** A finding against the endpoint. */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  void count(Endpoint endpoint, Severity severity) {
    Stats counts = stats.get(endpoint);
    if (severity == Severity.ERROR) {
      counts.errors++;
    } else if (severity == Severity.WARNING) {
      counts.warnings++;
    }
  }

  /** A status the check decided ({@code not implemented}, {@code not checked}). */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  void status(Endpoint endpoint, String status) {
    stats.get(endpoint).status = status;
  }

  /**
   * Counts the document rules' findings (schema, data quality) against the endpoint whose answer they are in;
   * those with a code in {@code counted} were counted when they were made.
   */
  void countDocumentFindings(List<Finding> findings, Set<String> counted, OrukClient client) {
    Map<String, Endpoint> byUrl = new HashMap<>();
    for (Endpoint endpoint : Endpoint.values()) {
      if (!endpoint.byId()) {
        byUrl.put(client.uri(endpoint, null, null).getRawPath(), endpoint);
      }
    }
    for (Finding finding : findings) {
      if (!counted.contains(finding.code())) {
        Endpoint endpoint = endpointOf(finding.url(), byUrl);
        if (endpoint != null) {
          count(endpoint, finding.severity());
        }
      }
    }
  }

  private static @Nullable Endpoint endpointOf(String url, Map<String, Endpoint> byUrl) {
    if (url.isEmpty()) {
      return null;
    }
    String path = URI.create(url).getRawPath();
    Endpoint exact = byUrl.get(path);
    if (exact != null) {
      return exact;
    }
    int slash = path.lastIndexOf('/');
    Endpoint list = slash > 0 ? byUrl.get(path.substring(0, slash)) : null;
    return list == null ? null : list.byIdEndpoint();
  }

  /** The median answer time of every endpoint, in {@link Endpoint} order. */
  List<EndpointTiming> timings(OrukClient client) {
    List<EndpointTiming> timings = new ArrayList<>();
    stats.forEach((endpoint, counts) -> {
      List<Long> times = new ArrayList<>(counts.millis);
      Collections.sort(times);
      timings.add(new EndpointTiming(endpoint, client.uri(endpoint, endpoint.byId() ? "id" : null, null),
          times.isEmpty() ? -1 : times.get(times.size() / 2), times.size()));
    });
    return List.copyOf(timings);
  }

  /** The result of every endpoint, in {@link Endpoint} order. */
  @SuppressWarnings("NullAway") // every endpoint has its stats, created when the tally is
  List<EndpointResult> results(List<EndpointTiming> timings) {
    List<EndpointResult> results = new ArrayList<>();
    for (EndpointTiming timing : timings) {
      Endpoint endpoint = timing.endpoint();
      Stats counts = stats.get(endpoint);
      String status = counts.status;
      if (status == null) {
        status = counts.requests == 0 ? "not checked"
            : counts.errors > 0 ? "failed" : counts.warnings > 0 ? "warnings" : "passed";
      }
      results.add(new EndpointResult(endpoint.path(), endpoint.required() ? 1 : 2, status, counts.requests,
          timing.medianMillis(), counts.errors, counts.warnings));
    }
    return results;
  }

  private static final class Stats {
    int requests;
    final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    int errors;
    int warnings;
    @Nullable String status;
  }
}
