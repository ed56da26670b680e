package io.github.oruk.validation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.paging.PagingIssue;
import io.github.oruk.model.query.Endpoint;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule about a live API, as {@code FeedValidator} checks it: discovered like the document rules (list the class in
 * {@code META-INF/services/io.github.oruk.validation.rule.Rule}), and told what the check meets as it goes, in the
 * manner of OkHttp's {@code EventListener}: override the moments the rule cares about, each a no-op by default.
 *
 * <p>The moments, in the order a check meets them: {@link #started} once; {@link #answered} for every answer of
 * every endpoint; {@link #apiDetails} once, for {@code /}; for each list, {@link #listed} on its first page,
 * {@link #paging} for each paging fact its walk breaks and {@link #walked} when the walk is done; {@link #record}
 * for each record looked up by id; {@link #explore} once, after the walk and the look-ups, the only moment a rule
 * may send requests of its own (through {@link FeedContext#get}); and {@link #finished} once, when no request is
 * left to make. Moments are delivered one at a time (never concurrently, even while ids are looked up
 * concurrently), so a rule may keep nothing itself and still report once per endpoint with
 * {@link FeedContext#firstTime}. A rule that throws fails the check, as a document rule does.
 *
 * <p>Feed rules are listed in a feed's report with the others; a validator checking files lists only the
 * document and record rules.
 */
public interface FeedRule extends Rule {

  /** Before the first request. */
  default void started(URI base, FeedContext feed) {
  }

  /** Every answer, whatever its status, of every endpoint (the OpenAPI document the filter rule reads aside). */
  default void answered(Endpoint endpoint, RawResponse answer, FeedContext feed) {
  }

  /** The API details document ({@code /}) when it answered with JSON; its rules have checked it already. */
  default void apiDetails(JsonNode details, URI uri, FeedContext feed) {
  }

  /** The first page of a list, an ORUK 3.0 page, before the rest of the list is walked. */
  default void listed(Endpoint list, JsonNode firstPage, URI uri, FeedContext feed) {
  }

  /** A paging fact a page of {@code list} breaks ({@code model.paging}), as the walk or the client's guard saw it. */
  default void paging(Endpoint list, URI uri, PagingIssue issue, FeedContext feed) {
  }

  /** A list walked: the ids of the pages read, each once, in order. */
  default void walked(Endpoint list, List<String> ids, URI uri, FeedContext feed) {
  }

  /**
   * A record looked up by id, answered with JSON.
   *
   * @param id the id asked for
   * @param item the record's list item when the walk listed it (services only), else null
   */
  default void record(Endpoint byId, String id, @Nullable JsonNode item, JsonNode record, URI uri, FeedContext feed) {
  }

  /** Once, after the walk and the look-ups: what they saw; requests may be sent now. */
  default void explore(FeedWalk walk, FeedContext feed) {
  }

  /** Once, at the end: the answer times of every endpoint. */
  default void finished(List<EndpointTiming> timings, FeedContext feed) {
  }
}
