package io.github.oruk.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.query.Endpoint;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** What a {@link FeedRule} may use of the check in progress: the feed, the report and the check's settings. */
public interface FeedContext {

  /** The client the check reads the feed with (for its addresses: {@link OrukClient#uri}). */
  OrukClient client();

  /** How the check was set up. */
  FeedSettings settings();

  /**
   * Adds a finding about an answer of {@code endpoint}; it counts against that endpoint. The profile may
   * disable the check or change its severity.
   *
   * @param recordId the record the finding is about, or ""
   * @param observed the offending value as sent, or null
   */
  void report(RuleInfo check, Endpoint endpoint, String url, String pointer, @Nullable String recordId, String message,
      @Nullable String observed);

  /** True the first time this check of this feed asks with an equal key, then false: to report once per endpoint. */
  boolean firstTime(Object key);

  /** Names what the rule is doing while it sends requests, for progress reports ("the filter tests"). */
  void step(String what);

  /** Records what was not checked, and why. */
  void notChecked(String what, String because);

  /**
   * Sends a request to an endpoint of the feed within the check's time limit, timing it and checking the answer
   * as every other ({@link FeedRule#answered}). Only in {@link FeedRule#explore}.
   *
   * @return the answer, whatever its status; null when there was none (the failure is reported already) or
   *     the time limit ran out
   */
  @Nullable RawResponse get(Endpoint endpoint, URI uri);

  /**
   * Sends a request to an address that is no endpoint of the feed's (its OpenAPI document, say) within the
   * check's time limit; the answer is neither timed nor checked. Only in {@link FeedRule#explore}.
   *
   * @return the answer, whatever its status; null when the time limit ran out
   * @throws io.github.oruk.client.OrukClientException when no answer arrived
   */
  @Nullable RawResponse fetch(URI uri);

  /** An answer's JSON, or null when it is not JSON (the check has reported it). */
  @Nullable JsonNode parse(Endpoint endpoint, RawResponse answer);
}
