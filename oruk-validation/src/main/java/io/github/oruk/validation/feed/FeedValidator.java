package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.OrukResponseTooLargeException;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.validation.ValidationReport;
import io.github.oruk.validation.ValidationRun;
import io.github.oruk.validation.Validator;
import io.github.oruk.model.paging.PagingFact;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.validation.rule.EndpointTiming;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.FeedSettings;
import io.github.oruk.validation.rule.FeedWalk;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.stream.Collectors;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Validates a live ORUK feed: every endpoint, required and optional; a bounded, deterministic walk of
 * every list (the client's paging guard walks the pages this check chose, and the validator observes it); a
 * seeded sample of ids looked up by id; all within a time limit. Every document goes through the
 * {@link Validator}'s document rules, and what the check meets goes to its {@link FeedRule}s (paging, round
 * trips, HTTP behaviour, the filters tested with the feed's own records, and any of the user's own): a
 * validator built with {@code rules(...)} runs the feed rules in that list. Quality (richness and
 * freshness) counts each service once, on its own {@code /services/{id}} answer: copies nested in
 * organizations and service-at-locations are checked but not scored, so with a sample only the services looked
 * up are scored. Whatever a bound stops is reported as not checked.
 *
 * <pre>{@code
 * ValidationReport report = FeedValidator.builder(Validator.strict()).build().validate("https://example.org/api");
 * }</pre>
 */
public final class FeedValidator {

  private static final List<Endpoint> LISTS = List.of(Endpoint.SERVICES, Endpoint.SERVICE_AT_LOCATIONS,
      Endpoint.ORGANIZATIONS, Endpoint.TAXONOMIES, Endpoint.TAXONOMY_TERMS);
  private static final Set<Integer> NOT_IMPLEMENTED = Set.of(404, 501, 503);

  /** Default time for the whole check of a feed, in seconds (10 minutes). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 600;
  /** Default time for one answer, in seconds, as the official validator allows. */
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

  /** The order a feed's report lists its checks in: by family, in the order a check meets them. */
  private static final List<String> FAMILIES = List.of("FEED", "PAGE", "ROUNDTRIP", "HTTP", "FILTER");

  private final Validator validator;
  private final List<FeedRule> rules;
  /** The codes of the feed checks, which count against their endpoint when reported, not again afterwards. */
  private final Set<String> feedCodes;
  private final int maxPages;
  private final int sample;
  private final int perPageProbe;
  private final Duration timeout;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final int concurrency;
  private final long seed;
  private final Duration slow;
  private final boolean filterTests;
  private final Map<String, String> headers;
  private final @Nullable Consumer<FeedProgress> progress;
  private final Duration progressInterval;

  private FeedValidator(Builder builder) {
    this.rules = builder.validator.rules().stream().filter(FeedRule.class::isInstance).map(FeedRule.class::cast)
        .toList();
    List<RuleInfo> checks = new ArrayList<>(FeedChecks.all());
    rules.forEach(rule -> checks.addAll(rule.infos()));
    checks.sort(Comparator.comparingInt((RuleInfo check) -> family(check.code())).thenComparing(RuleInfo::code));
    this.feedCodes = checks.stream().map(RuleInfo::code).collect(Collectors.toUnmodifiableSet());
    this.validator = builder.validator.withChecks(checks);
    this.maxPages = builder.maxPages;
    this.sample = builder.sample;
    this.perPageProbe = builder.perPageProbe;
    this.timeout = builder.timeout;
    this.requestTimeout = builder.requestTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.concurrency = builder.concurrency;
    this.seed = builder.seed;
    this.slow = builder.slow;
    this.filterTests = builder.filterTests;
    this.headers = Map.copyOf(builder.headers);
    this.progress = builder.progress;
    this.progressInterval = builder.progressInterval;
  }

  private static int family(String code) {
    int rank = FAMILIES.indexOf(code.substring(code.indexOf('-') + 1, code.lastIndexOf('-')));
    return rank < 0 ? FAMILIES.size() : rank;
  }

  public static Builder builder(Validator validator) {
    return new Builder(validator);
  }

  /**
   * Validates the feed at a base URL (with or without a trailing {@code /services}).
   *
   * @throws IllegalArgumentException when the URL is not an http(s) URL
   */
  public ValidationReport validate(String baseUrl) {
    OrukClient.Builder client = OrukClient.builder(baseUrl)
        .requestTimeout(requestTimeout)
        .maxResponseBytes(maxResponseBytes)
        .maxAttempts(2)
        .userAgent("oruk-java-validator");
    headers.forEach(client::header);
    return new Session(client.build()).run();
  }

  /** One validation of one feed. */
  private final class Session implements FeedContext, PagingWalk.Feed, IdentityChecks.Feed {
    private final OrukClient client;
    private final ValidationRun run;
    private final OrukJson json;
    private final Timekeeper time;
    private final PagingWalk paging = new PagingWalk(this, maxPages, seed, perPageProbe, concurrency > 1);
    private final IdentityChecks identity = new IdentityChecks(this, sample, seed, concurrency);
    private final FeedSettings settings = new FeedSettings(slow, filterTests, validator.profile().parityMode(), seed);
    /** Keys rules asked {@link #firstTime} with. */
    private final Set<Object> seen = new HashSet<>();
    private final EndpointTally tally = new EndpointTally();
    private final Map<String, JsonNode> listed = new LinkedHashMap<>();
    private final Map<String, JsonNode> details = new LinkedHashMap<>();
    private final Map<String, JsonNode> listedLinks = new LinkedHashMap<>();
    private final Map<Endpoint, Long> totals = new HashMap<>();
    /** What the reader noticed in answers not checked yet, by tree (rarely any). */
    private final Map<JsonNode, List<ReadFinding>> readFindings = Collections.synchronizedMap(new IdentityHashMap<>());
    private String linksMissing = "/service_at_locations could not be listed";
    private @Nullable JsonNode apiDetails;
    private boolean legacy;
    private boolean outOfTime;
    /** Required endpoints whose request the time limit skipped or cut off. */
    private final Set<Endpoint> cutByTimeLimit = EnumSet.noneOf(Endpoint.class);

    Session(OrukClient client) {
      this.client = client;
      this.run = validator.start(client.baseUri().toString(), "feed");
      // Quality is scored on each service's own /services/{id} answer, never on the partial copies nested in
      // organizations and service-at-locations; services not looked up (--sample) are left out of it.
      run.scoreNestedServices(false);
      this.json = validator.json().toBuilder().maxDocumentBytes(maxResponseBytes).build();
      this.time = new Timekeeper(client, timeout);
    }

    ValidationReport run() {
      Runnable stopProgress = time.progress(progress, progressInterval);
      try {
        return check();
      } finally {
        stopProgress.run();
      }
    }

    private ValidationReport check() {
      tell(rule -> rule.started(client.baseUri(), this));
      apiDetails();
      for (Endpoint list : LISTS) {
        List<String> ids = walk(list);
        Endpoint byId = list.byIdEndpoint();
        if (ids == null) {
          continue;
        }
        tell(rule -> rule.walked(list, ids, client.uri(list, null, null), this));
        if (ids.isEmpty()) {
          if (list == Endpoint.SERVICE_AT_LOCATIONS) {
            linksMissing = "/service_at_locations lists no service-at-locations with ids";
          }
          run.notChecked("GET " + byId.path(), list.path() + " listed no ids to look up");
          tally.status(byId, "not checked");
          continue;
        }
        identity.lookUp(byId, ids, details);
      }
      // In the order the feed lists them: ids are looked up concurrently, so the order they came back in is not stable.
      Map<String, JsonNode> services = new LinkedHashMap<>();
      listed.keySet().stream().filter(details::containsKey).forEach(id -> services.put(id, details.get(id)));
      details.forEach(services::putIfAbsent);
      FeedWalk walk = new FeedWalk(apiDetails, services, listedLinks, listedLinks.isEmpty() ? linksMissing : null,
          totals, legacy, outOfTime);
      for (FeedRule rule : rules) {
        time.phase(null);
        rule.explore(walk, this); // not under the run's lock: it sends requests, one at a time
      }
      time.phase(null);
      synchronized (run) {
        for (Endpoint endpoint : cutByTimeLimit) {
          if (!tally.answeredAny(endpoint)) {
            add(FeedChecks.TIME_LIMIT, endpoint, client.uri(endpoint, endpoint.byId() ? "id" : null, null).toString(),
                "", "", "GET " + endpoint.path() + " was not checked: the time limit of " + timeout.toSeconds()
                + " s ran out before it answered. Without the required endpoints checked the feed cannot pass.",
                null, true);
          }
        }
      }
      finishEndpoints();
      return run.finish();
    }

    /** Fetches within the time limit: an answer, or null when the limit ran out (what it cut off is recorded). */
    @Nullable RawResponse fetch(@Nullable Endpoint endpoint, URI uri) {
      return time.fetch(endpoint == null ? "the feed's OpenAPI document" : endpoint.path(), uri,
          cut -> timeUp(endpoint, cut));
    }

    /** Records that the time limit ran out; {@code uri} is the request it cut off, if any. */
    private void timeUp(@Nullable Endpoint endpoint, URI uri) {
      synchronized (run) {
        if (endpoint != null && endpoint.required()) {
          cutByTimeLimit.add(endpoint);
        }
        if (!outOfTime) {
          outOfTime = true;
          run.notChecked("the rest of the feed", "the time limit of " + timeout.toSeconds() + " s was reached"
              + (uri == null ? "" : " while waiting for GET " + uri));
        }
      }
    }

    // ----------------------------------------------------------------------------------- transport

    /** Fetches an address, recording its timing; null when there was no answer (the failure is a finding). */
    @Nullable RawResponse get(Endpoint endpoint, URI uri, boolean required) {
      return answer(endpoint, uri, required, "no answer: ");
    }

    /** As {@link #get(Endpoint, URI, boolean)}, from any thread; {@code failure} starts what a failure says. */
    private @Nullable RawResponse answer(Endpoint endpoint, URI uri, boolean required, String failure) {
      return answered(endpoint, uri, required, failure, time.send(endpoint.path(), uri));
    }

    /** What a request sent answered, once it is waited for: timed, told to the rules, a failure reported. */
    private @Nullable RawResponse answered(Endpoint endpoint, URI uri, boolean required, String failure,
        Timekeeper.Request request) {
      try {
        RawResponse answer = request.await(cut -> timeUp(endpoint, cut));
        if (answer != null) {
          synchronized (run) {
            tally.answered(endpoint, answer.elapsed().toMillis());
          }
          tell(rule -> rule.answered(endpoint, answer, this));
        }
        return answer;
      } catch (OrukClientException e) {
        synchronized (run) {
          tally.failed(endpoint);
          if (e instanceof OrukResponseTooLargeException) {
            add(FeedChecks.TOO_LARGE, endpoint, uri.toString(), "", "", e.getMessage(), null, false);
          }
          failedRequest(endpoint, uri, required, failure + e.getMessage());
        }
        return null;
      }
    }

    @Override
    public void failedRequest(Endpoint endpoint, URI uri, boolean required, String what) {
      if (required) {
        add(FeedChecks.REQUIRED_ENDPOINT, endpoint, uri.toString(), "", "", "GET " + endpoint.path()
            + " is required, but " + what, null, true);
      } else {
        add(FeedChecks.OPTIONAL_ENDPOINT, endpoint, uri.toString(), "", "", "GET " + endpoint.path() + ": " + what,
            null, false);
      }
    }

    /**
     * The answer's JSON, or null when it is not JSON (a finding says so). What the reader noticed is kept with
     * the tree and reported when the document is checked ({@link #check}).
     */
    @Override
    public @Nullable JsonNode parse(Endpoint endpoint, RawResponse answer, boolean critical) {
      try {
        List<ReadFinding> quirks = new ArrayList<>();
        JsonNode tree = json.readTree(answer.body(), quirks);
        if (!quirks.isEmpty()) {
          readFindings.put(tree, quirks);
        }
        return tree;
      } catch (OrukReadException e) {
        run.countDocument();
        add(NOT_JSON, endpoint, answer.uri().toString(), e.pointer(), "", "GET " + endpoint.path() + " answered "
            + answer.status() + " but " + e.getMessage(), null, critical);
        return null;
      }
    }

    /** Checks a document with the validator's rules, with what the reader noticed when it was parsed. */
    private void check(JsonNode document, RecordType type, boolean page, String url, boolean critical,
        boolean quality) {
      List<ReadFinding> read = readFindings.remove(document);
      if (read != null) {
        run.readFindings(read, document, type, page, url, critical);
      }
      run.checkDocument(document, type, page, url, critical, quality);
    }

    // ----------------------------------------------------------------------------------- /

    private void apiDetails() {
      URI uri = client.uri(Endpoint.API_DETAILS, null, null);
      RawResponse answer = get(Endpoint.API_DETAILS, uri, true);
      if (answer == null) {
        return;
      }
      if (!answer.successful()) {
        failedRequest(Endpoint.API_DETAILS, uri, true, "it answered " + answer.status() + ".");
        return;
      }
      JsonNode details = parse(Endpoint.API_DETAILS, answer, true);
      if (details == null) {
        return;
      }
      check(details, RecordType.API_DETAILS, false, uri.toString(), true, true);
      apiDetails = details;
      String version = details.path("version").asText(null);
      if (Versions.major(version) == Versions.Major.V1) {
        legacy = true;
        add(FeedChecks.LEGACY, Endpoint.API_DETAILS, uri.toString(), "/version", "", "/ declares version '" + version
            + "', the legacy ORUK v1 API; ORUK 3.0 checks are applied where they make sense.", version, false);
      }
      tell(rule -> rule.apiDetails(details, uri, this));
    }

    // ----------------------------------------------------------------------------------- lists

    /** Walks a list; returns the ids it listed, or null when the endpoint gave nothing to work with. */
    private @Nullable List<String> walk(Endpoint list) {
      boolean required = list.required();
      URI first = client.uri(list, null, null);
      RawResponse answer = get(list, first, required);
      if (answer == null) {
        return null;
      }
      if (!answer.successful()) {
        if (!required && NOT_IMPLEMENTED.contains(answer.status())) {
          tally.status(list, "not implemented");
          tally.status(list.byIdEndpoint(), "not implemented");
          if (list == Endpoint.SERVICE_AT_LOCATIONS) {
            linksMissing = "the optional endpoint is not offered (it answered " + answer.status() + ")";
          }
          add(FeedChecks.NOT_IMPLEMENTED, list, first.toString(), "", "", "GET " + list.path() + " answered "
              + answer.status() + ": the optional endpoint is not offered.", Integer.toString(answer.status()), false);
          return null;
        }
        failedRequest(list, first, required, "it answered " + answer.status() + ".");
        return null;
      }
      JsonNode page = parse(list, answer, false);
      if (page == null) {
        return null;
      }
      boolean v1 = page.has("content") || page.has("totalElements");
      if (v1) {
        legacy = true;
        add(FeedChecks.LEGACY, list, first.toString(), "", "", "GET " + list.path() + " answered with the legacy"
            + " ORUK v1 page layout (content, totalElements, number).", null, false);
        List<String> missing = new ArrayList<>();
        for (String key : List.of("totalElements", "totalPages", "number", "size", "first", "last", "content")) {
          if (!page.has(key)) {
            missing.add(key);
          }
        }
        if (!missing.isEmpty() && required) {
          add(FeedChecks.REQUIRED_ENDPOINT, list, first.toString(), "", "", "the v1 /services page lacks the paging"
              + " metadata " + String.join(", ", missing) + ", which the v1 rules require.", null, true);
        }
        run.notChecked("ORUK 3.0 schema and paging checks of " + list.path(), "the feed uses the legacy v1 layout");
        return PagingWalk.present(ids(page.path("content"), list, first.toString()));
      }
      if (!page.isObject() || !page.has("contents")) {
        paging(list, first, new PagingIssue(PagingFact.ENVELOPE, "", "GET " + list.path() + " did not answer with a"
            + " page (an object with contents).", null));
        return null;
      }
      check(page, list.recordType(), true, first.toString(), false, false);
      int items = page.path("contents").size();
      long totalItems = page.path("total_items").asLong(items);
      if (page.path("total_items").canConvertToLong()) {
        totals.put(list, totalItems);
      }
      tell(rule -> rule.listed(list, page, first, this));
      return paging.walk(list, page, first);
    }

    @Override
    public List<String> ids(JsonNode contents, Endpoint list, String url) {
      List<String> ids = new ArrayList<>();
      for (JsonNode item : contents) {
        JsonNode id = item.path("id");
        if (!id.isValueNode() || id.asText().isBlank()) {
          ids.add(null);
        } else {
          ids.add(id.asText());
          if (list == Endpoint.SERVICES) {
            listed.put(id.asText(), item);
          } else if (list == Endpoint.SERVICE_AT_LOCATIONS) {
            listedLinks.put(id.asText(), item);
          }
        }
      }
      return ids;
    }

    // ----------------------------------------------------------------------------------- by id

    @Override
    public void checkRecord(JsonNode record, Endpoint byId, URI uri, boolean required) {
      if (!legacy) {
        check(record, byId.recordType(), false, uri.toString(), required, true);
      }
    }

    @Override
    public Object lock() {
      return run;
    }

    @Override
    public @Nullable JsonNode listed(String id) {
      return listed.get(id);
    }

    @Override
    public @Nullable RawResponse getConcurrently(Endpoint endpoint, URI uri, boolean required) {
      return answer(endpoint, uri, required, "no answer for " + uri + ": ");
    }

    // ----------------------------------------------------------------------------------- results

    void add(RuleInfo check, Endpoint endpoint, String url, String pointer, @Nullable String recordId, @Nullable String message,
        @Nullable String observed, boolean critical) {
      synchronized (run) {
        int before = run.findings().size();
        run.add(check, url, pointer, recordId, message, observed, critical);
        if (run.findings().size() > before) {
          tally.count(endpoint, run.findings().get(before).severity());
        }
      }
    }

    private void finishEndpoints() {
      // The feed checks were counted against their endpoint as they were made; JSON-001 is the check's own.
      Set<String> counted = new HashSet<>(feedCodes);
      counted.add(NOT_JSON.code());
      tally.countDocumentFindings(run.findings(), counted, client);
      List<EndpointTiming> timings = tally.timings(client);
      tell(rule -> rule.finished(timings, this));
      tally.results(timings).forEach(run::endpoint);
    }

    // ----------------------------------------------------------------------------------- for the rules

    /** Tells every feed rule of a moment, one rule at a time, under the run's lock. */
    private void tell(Consumer<FeedRule> moment) {
      synchronized (run) {
        rules.forEach(moment);
      }
    }

    @Override
    public OrukClient client() {
      return client;
    }

    @Override
    public FeedSettings settings() {
      return settings;
    }

    @Override
    public void report(RuleInfo check, Endpoint endpoint, String url, String pointer, @Nullable String recordId, String message,
        @Nullable String observed) {
      add(check, endpoint, url, pointer, recordId, message, observed, false);
    }

    @Override
    public boolean firstTime(Object key) {
      synchronized (run) {
        return seen.add(key);
      }
    }

    @Override
    public void step(String what) {
      time.phase(what);
    }

    @Override
    public void notChecked(String what, String because) {
      run.notChecked(what, because);
    }

    @Override
    public @Nullable RawResponse get(Endpoint endpoint, URI uri) {
      return get(endpoint, uri, false);
    }

    @Override
    public @Nullable JsonNode parse(Endpoint endpoint, RawResponse answer) {
      return parse(endpoint, answer, false);
    }

    @Override
    public @Nullable RawResponse fetch(URI uri) {
      return fetch(null, uri);
    }

    @Override
    public PagingWalk.Ahead ask(Endpoint list, URI uri) {
      Timekeeper.Request request = time.send(list.path(), uri);
      return new PagingWalk.Ahead() {
        @Override
        public @Nullable RawResponse get() {
          return answered(list, uri, false, "no answer: ", request);
        }

        @Override
        public void cancel() {
          request.cancel();
        }
      };
    }

    @Override
    public void checkPage(JsonNode page, Endpoint list, URI uri) {
      check(page, list.recordType(), true, uri.toString(), false, false);
    }

    @Override
    public void paging(Endpoint list, URI uri, PagingIssue issue) {
      tell(rule -> rule.paging(list, uri, issue, this));
    }

    @Override
    public void record(Endpoint byId, String id, @Nullable JsonNode item, JsonNode record, URI uri) {
      tell(rule -> rule.record(byId, id, item, record, uri, this));
    }
  }

  private static final RuleInfo NOT_JSON = new RuleInfo("ORUK-JSON-001", "Not JSON",
      io.github.oruk.validation.Category.CONFORMANCE, Severity.ERROR, Set.of(),
      "Serve the document as UTF-8 JSON; an HTML error page or a truncated body cannot be read by anyone.");

  /** Options for a {@link FeedValidator}; every one has a default that suits a public feed. */
  public static final class Builder {
    private final Validator validator;
    private int maxPages = 20;
    private int sample = 20;
    private int perPageProbe = 2;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private Duration requestTimeout = Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS);
    private long maxResponseBytes = 32L * 1024 * 1024;
    private int concurrency = 4;
    private long seed = 20240101;
    private Duration slow = Duration.ofSeconds(5);
    private boolean filterTests = true;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Consumer<FeedProgress> progress;
    private Duration progressInterval = Duration.ofSeconds(10);

    private Builder(Validator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Pages read of each list (default 20): all of them when there are no more, else first, middle, last and a seeded sample. */
    public Builder maxPages(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1; got " + pages);
      }
      this.maxPages = pages;
      return this;
    }

    /** Ids looked up by id per endpoint (default 20, a seeded sample); 0 for every listed id. */
    public Builder sample(int ids) {
      if (ids < 0) {
        throw new IllegalArgumentException("sample must be 0 (all) or more; got " + ids);
      }
      this.sample = ids;
      return this;
    }

    /** The per_page asked for to check it is honoured (default 2); 0 skips the check. */
    public Builder perPageProbe(int perPage) {
      this.perPageProbe = perPage;
      return this;
    }

    /**
     * Time for the whole validation (default {@value #DEFAULT_TIMEOUT_SECONDS} s). It is kept to: a request
     * still waiting when it runs out is cancelled. What it leaves unchecked is reported as not checked; if
     * that includes {@code /}, {@code /services} or {@code /services/{id}}, the finding ORUK-FEED-010 fails
     * the feed, since a feed whose required endpoints were not checked cannot pass.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /**
     * Time for one answer, headers and body, per attempt (default {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS} s,
     * as the official validator): an answer still arriving then is cut off, however steadily its bytes come.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * A listener told how far the check is every {@code every} while it runs (default none), on a thread of
     * its own; for progress lines on a terminal.
     */
    public Builder progress(Consumer<FeedProgress> listener, Duration every) {
      this.progress = Objects.requireNonNull(listener, "listener");
      this.progressInterval = positive("every", every);
      return this;
    }

    private static Duration positive(String name, Duration duration) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; got " + duration);
      }
      return duration;
    }

    /** Largest response read (default 32 MiB). */
    public Builder maxResponseBytes(long bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Requests sent at a time (default 4): ids are looked up this many at a time, and above 1 each list is read one
     * page ahead (the next page is asked for while the one before is checked). 1 sends one request at a time.
     */
    public Builder concurrency(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1; got " + requests);
      }
      this.concurrency = requests;
      return this;
    }

    /** Seed of the page and id samples; the same seed checks the same records. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Median response time above which an endpoint is reported slow (default 5 s). */
    public Builder slow(Duration slow) {
      this.slow = Objects.requireNonNull(slow, "slow");
      return this;
    }

    /** Whether to test the filters with values from the feed's own records (default true). */
    public Builder filterTests(boolean filterTests) {
      this.filterTests = filterTests;
      return this;
    }

    /** A header sent with every request, for feeds behind authentication (never logged or reported). */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public FeedValidator build() {
      return new FeedValidator(this);
    }
  }
}
