package io.github.oruk.testkit.feed;

import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.PageEnvelope;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fake feed that behaves: {@code /}, {@code /services} and {@code /services/{id}} of ORUK 3.0, written with
 * the model's protocol core (the query parsed by {@link Query#parse}, pages by {@link PageEnvelope}). The
 * records' JSON is encoded once, up front. Misbehaviour is {@link FaultyFeed}'s, around this one.
 */
final class HonestFeed implements Responder {

  private final Map<String, Integer> indexById;
  private final List<byte[]> details;
  private final List<byte[]> listItems;
  private final List<OffsetDateTime> lastModified;
  private final int defaultPerPage;
  private final String openapiUrl;

  /**
   * @param indexById where each id is in {@code ids}
   * @param details each service's {@code /services/{id}} JSON
   * @param listItems each service's list item JSON
   * @param lastModified each service's {@code last_modified} (null when it has none)
   * @param defaultPerPage the page size when {@code per_page} is not given
   * @param openapiUrl what {@code /} gives as {@code openapi_url}
   */
  HonestFeed(Map<String, Integer> indexById, List<byte[]> details, List<byte[]> listItems,
      List<OffsetDateTime> lastModified, int defaultPerPage, String openapiUrl) {
    this.indexById = indexById;
    this.details = details;
    this.listItems = listItems;
    this.lastModified = lastModified;
    this.defaultPerPage = defaultPerPage;
    this.openapiUrl = openapiUrl;
  }

  @Override
  public Answer answer(String path, String rawQuery) {
    if (path.isEmpty()) {
      return Answer.json(200, apiDetails(ApiDetails.UK_3_0));
    }
    if (path.equals("services")) {
      try {
        return Answer.json(200, PageEnvelope.write(page(query(rawQuery))));
      } catch (InvalidQueryException e) {
        return Answer.error(400, e.getMessage());
      }
    }
    Integer k = index(path);
    if (k != null) {
      return Answer.json(200, details.get(k));
    }
    return path.startsWith("services/") && path.indexOf('/', 9) < 0
        ? Answer.error(404, "no service with id " + path.substring("services/".length()))
        : Answer.error(404, "no such endpoint: /" + path);
  }

  /** The service a {@code services/{id}} path names, or null. */
  @Nullable Integer index(String path) {
    return path.startsWith("services/") ? indexById.get(path.substring("services/".length())) : null;
  }

  /** The JSON of {@code /}, with the version given. */
  byte[] apiDetails(String version) {
    return OrukJson.lenient().write(new ApiDetails(version, ApiDetails.UK_PROFILE_URL, openapiUrl, Map.of()));
  }

  /** The query of a {@code /services} request. */
  static Query query(@Nullable String rawQuery) {
    return Query.parse(Endpoint.SERVICES, rawQuery);
  }

  /** The page size the query asks for. */
  int perPage(Query query) {
    return query.perPage() == null ? defaultPerPage : query.perPage();
  }

  /** The list items a query selects, in list order: {@code modified_after} is the filter honoured. */
  List<byte[]> selected(Query query) {
    OffsetDateTime after = query.modifiedAfter();
    List<byte[]> selected = new ArrayList<>();
    for (int k = 0; k < listItems.size(); k++) {
      if (after == null || (lastModified.get(k) != null && !lastModified.get(k).isBefore(after))) {
        selected.add(listItems.get(k));
      }
    }
    return selected;
  }

  /** The page a query asks for, its records as JSON. */
  Page<byte[]> page(Query query) {
    List<byte[]> selected = selected(query);
    int perPage = perPage(query);
    int number = query.page() == null ? 1 : query.page();
    long from = (long) (number - 1) * perPage;
    List<byte[]> records = from >= selected.size() ? List.of()
        : selected.subList((int) from, (int) Math.min(selected.size(), from + perPage));
    return Page.of(records, number, perPage, selected.size());
  }

  /** How many services there are. */
  int size() {
    return details.size();
  }

  /** Service k's {@code /services/{id}} JSON. */
  byte[] detail(int k) {
    return details.get(k);
  }
}
