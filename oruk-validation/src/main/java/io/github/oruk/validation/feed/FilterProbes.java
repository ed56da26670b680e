package io.github.oruk.validation.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.client.OrukClient;
import io.github.oruk.client.OrukClientException;
import io.github.oruk.client.RawResponse;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.validation.rule.FeedContext;
import io.github.oruk.validation.rule.FeedWalk;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The behavioural filter checks of a live feed. Each filter of {@code /services} and
 * {@code /service_at_locations} ({@link ServiceFilter}, and {@code postcode} with {@code proximity}) is asked
 * once, with a value taken from the feed's own records (those looked up by id), with two probes in one
 * request: a record that has the value must come back (else ORUK-FILTER-002), and no record that plainly
 * contradicts the value may (else ORUK-FILTER-001) — a record known not to match, listed early so that a
 * server ignoring the filter shows it on the first page, and every other item the data settles.
 *
 * <p>Values are chosen to narrow the results most (the highest minimum age, the latest opening time, the
 * rarest organization or term), so that the answer is short. Each probe reads at most {@value #PAGES} pages,
 * of the feed's own page size (a per_page it refused would read as the filter refused); whatever that leaves
 * open, or a probe the data gives no record for, is reported as not checked. At most 21 probes, so at most
 * 105 requests, whatever the size of the feed.
 *
 * <p>Which filters are probed: strict expects every filter the standard's endpoints take. Parity expects
 * those of the official OpenAPI; the UK profile's own ({@code minimum_age}, {@code maximum_age}, {@code day},
 * {@code start_time}, {@code end_time}) are probed in parity only when the feed's OpenAPI document
 * ({@code openapi_url}, read only from the feed's own host) declares them.
 */
final class FilterProbes {

  static final int PAGES = 5;
  /** How many values of an unordered filter (or locations) are weighed, against how many others, to find a narrow one. */
  private static final int CANDIDATES = 30;
  private static final int WEIGHED_OVER = 1000;
  /** The distance asked for with {@code postcode}, in metres. */
  static final long PROXIMITY = 1000;
  /**
   * How much further than {@link #PROXIMITY} a location must be to be surely outside it, wherever the server
   * puts the postcode's centre, in metres.
   */
  private static final double MARGIN = 5000;
  /** A postcode seen at locations further apart than this is not used: its centre is anyone's guess. */
  private static final double SPREAD = 200;

  private final FeedContext feed;
  private final String openApiUrl;
  private final Map<String, JsonNode> services;
  private final Map<String, JsonNode> links;
  private final @Nullable String linksMissing;
  private final Map<Endpoint, Long> totals;
  private final boolean parity;
  private final Map<String, String> serviceOfLink = new HashMap<>();
  private final Map<ServiceFilter, Choice> choices = new HashMap<>();
  private @Nullable Map<String, Set<String>> declared;
  private @Nullable String declaredNote;

  /** A value to filter by, and the first service (in listed order) that has it. */
  private record Choice(String value, String service) {
  }

  /** Where a service-at-location is, as its service's by-id answer says. */
  private record Place(double latitude, double longitude, String postcode) {
  }

  /** @param walk what the walk saw: the services looked up by id, the links listed, the totals */
  FilterProbes(FeedContext feed, FeedWalk walk) {
    this.feed = feed;
    this.openApiUrl = walk.apiDetails() == null ? "" : walk.apiDetails().path("openapi_url").asText("");
    this.services = walk.services();
    this.links = walk.links();
    this.linksMissing = walk.linksMissing();
    this.totals = walk.totals();
    this.parity = feed.settings().parity();
    links.forEach((id, item) -> {
      String service = item.path("service_id").asText(item.path("service").path("id").asText(""));
      if (!service.isEmpty()) {
        serviceOfLink.put(id, service);
      }
    });
    services.forEach((id, service) -> {
      for (JsonNode link : service.path("service_at_locations")) {
        String linkId = link.path("id").asText("");
        if (!linkId.isEmpty()) {
          serviceOfLink.putIfAbsent(linkId, id);
        }
      }
    });
  }

  void run() {
    if (services.isEmpty()) {
      feed.notChecked("the filters of /services and /service_at_locations",
          "no service could be looked up by id to take values from");
      return;
    }
    for (Endpoint list : List.of(Endpoint.SERVICES, Endpoint.SERVICE_AT_LOCATIONS)) {
      if (list == Endpoint.SERVICE_AT_LOCATIONS && linksMissing != null) {
        feed.notChecked("the filters of /service_at_locations", linksMissing);
        continue;
      }
      List<String> skipped = new ArrayList<>();
      for (ServiceFilter filter : ServiceFilter.ALL) {
        if (expected(list, filter.parameter(), skipped)) {
          probe(list, filter);
        }
      }
      if (list == Endpoint.SERVICE_AT_LOCATIONS && expected(list, Parameter.POSTCODE, skipped)) {
        proximity();
      }
      if (!skipped.isEmpty()) {
        feed.notChecked(String.join(", ", skipped) + " on " + list.path(), "the parity profile expects only the"
            + " filters of the official OpenAPI, and " + declaredNote);
      }
    }
  }

  // ------------------------------------------------------------------------------------------- which filters

  private boolean expected(Endpoint list, Parameter parameter, List<String> skipped) {
    if (!list.parameters().contains(parameter)) {
      return false;
    }
    if (!parity || !parameter.ukExtension() || declared(list).contains(parameter.wireName())) {
      return true;
    }
    skipped.add(parameter.wireName());
    return false;
  }

  /** The parameters the feed's OpenAPI document declares on a list's path; empty when it cannot be read. */
  private Set<String> declared(Endpoint list) {
    if (declared == null) {
      declared = readOpenApi();
    }
    return declared.getOrDefault(list.path(), Set.of());
  }

  private Map<String, Set<String>> readOpenApi() {
    String url = openApiUrl;
    URI base = feed.client().baseUri();
    URI uri;
    try {
      uri = url.isBlank() ? null : base.resolve(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null) {
      declaredNote = "/ names no readable openapi_url to declare the UK profile's filters in";
      return Map.of();
    }
    if (!Objects.equals(uri.getScheme(), base.getScheme()) || !Objects.equals(uri.getHost(), base.getHost())
        || uri.getPort() != base.getPort()) {
      declaredNote = "the feed's OpenAPI document " + uri + " is on another host, which is not fetched (headers"
          + " given for the feed are sent only to it)";
      return Map.of();
    }
    JsonNode document;
    try {
      RawResponse answer = feed.fetch(uri);
      if (answer == null) {
        declaredNote = "the time limit ran out before the feed's OpenAPI document " + uri + " was read";
        return Map.of();
      }
      if (!answer.successful()) {
        declaredNote = "the feed's OpenAPI document " + uri + " answered " + answer.status();
        return Map.of();
      }
      document = new ObjectMapper().readTree(answer.body());
    } catch (OrukClientException | IOException e) {
      declaredNote = "the feed's OpenAPI document " + uri + " could not be read as JSON (" + e.getMessage() + ")";
      return Map.of();
    }
    Map<String, Set<String>> byPath = new HashMap<>();
    document.path("paths").properties().forEach(path -> {
      for (Endpoint list : List.of(Endpoint.SERVICES, Endpoint.SERVICE_AT_LOCATIONS)) {
        if (path.getKey().endsWith(list.path())) {
          Set<String> names = byPath.computeIfAbsent(list.path(), key -> new HashSet<>());
          for (JsonNode parameters : List.of(path.getValue().path("parameters"),
              path.getValue().path("get").path("parameters"))) {
            for (JsonNode parameter : parameters) {
              String ref = parameter.path("$ref").asText("");
              JsonNode resolved = ref.startsWith("#/") ? document.at(ref.substring(1)) : parameter;
              names.add(resolved.path("name").asText(""));
            }
          }
        }
      }
    });
    declaredNote = "the feed's OpenAPI document " + uri + " does not declare them";
    return byPath;
  }

  // ------------------------------------------------------------------------------------------- service filters

  private void probe(Endpoint list, ServiceFilter filter) {
    Choice choice = choices.computeIfAbsent(filter, this::choose);
    String name = filter.parameter().wireName();
    if (choice == null) {
      feed.notChecked(name + " on " + list.path(), "no service looked up by id has a value to try it with");
      return;
    }
    Query query = filter.ask(Query.builder(), choice.value()).build();
    if (list == Endpoint.SERVICES) {
      String negative = services.entrySet().stream()
          .filter(entry -> Boolean.FALSE.equals(filter.test(entry.getValue(), choice.value(), true)))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      probe(list, query, "service", choice.service(), negative,
          item -> serviceTest(filter, choice.value(), item), item -> filter.shows(serviceOf(item)));
      return;
    }
    String subject = links.keySet().stream().filter(link -> {
      JsonNode service = services.get(serviceOfLink.getOrDefault(link, ""));
      return service != null && filter.surely(service, choice.value());
    }).findFirst().orElse(null);
    String negative = links.keySet().stream().filter(link -> {
      JsonNode service = services.get(serviceOfLink.getOrDefault(link, ""));
      return service != null && Boolean.FALSE.equals(filter.test(service, choice.value(), true));
    }).findFirst().orElse(null);
    if (subject == null) {
      feed.notChecked(name + " on " + list.path(), "no service-at-location it lists belongs to a service looked up by"
          + " id that matches " + ServiceFilter.describe(query));
      return;
    }
    probe(list, query, "service-at-location", subject, negative, item -> linkTest(filter, choice.value(), item),
        item -> "service's " + filter.shows(linkedService(item)));
  }

  /**
   * The value to try a filter with: for an ordered value the narrowest any service has; otherwise, of the
   * first {@value #CANDIDATES} values, the one the fewest services match. Null when no service has one.
   */
  @SuppressWarnings("NullAway") // values is not empty, so a best value is found, and each is a key of firstWith
  private @Nullable Choice choose(ServiceFilter filter) {
    Map<String, String> firstWith = new LinkedHashMap<>();
    services.forEach((id, service) -> filter.values(service).forEach(value -> firstWith.putIfAbsent(value, id)));
    if (firstWith.isEmpty()) {
      return null;
    }
    List<String> values = new ArrayList<>(firstWith.keySet());
    if (filter.ordered()) {
      String narrowest = filter.narrowest(values);
      return new Choice(narrowest, firstWith.get(narrowest));
    }
    List<JsonNode> weighed = services.values().stream().limit(WEIGHED_OVER).toList();
    String best = null;
    long fewest = Long.MAX_VALUE;
    for (String value : values.subList(0, Math.min(CANDIDATES, values.size()))) {
      long matching = weighed.stream().filter(service -> filter.surely(service, value)).count();
      if (matching < fewest) {
        best = value;
        fewest = matching;
      }
    }
    return new Choice(best, firstWith.get(best));
  }

  /** A list item judged on its service's by-id answer when there is one, else on itself. */
  private @Nullable Boolean serviceTest(ServiceFilter filter, String value, JsonNode item) {
    JsonNode whole = services.get(item.path("id").asText(""));
    return whole != null ? filter.test(whole, value, true) : filter.test(item, value, false);
  }

  private JsonNode serviceOf(JsonNode item) {
    return services.getOrDefault(item.path("id").asText(""), item);
  }

  /** A service-at-location judged on its service: the by-id answer when there is one, else its nested copy. */
  private @Nullable Boolean linkTest(ServiceFilter filter, String value, JsonNode item) {
    JsonNode whole = services.get(serviceIdOf(item));
    if (whole != null) {
      return filter.test(whole, value, true);
    }
    return item.path("service").isObject() ? filter.test(item.path("service"), value, false) : null;
  }

  private JsonNode linkedService(JsonNode item) {
    JsonNode whole = services.get(serviceIdOf(item));
    return whole != null ? whole : item.path("service");
  }

  private String serviceIdOf(JsonNode link) {
    String own = link.path("service_id").asText(link.path("service").path("id").asText(""));
    return own.isEmpty() ? serviceOfLink.getOrDefault(link.path("id").asText(""), "") : own;
  }

  // ------------------------------------------------------------------------------------------- postcode

  /**
   * {@code postcode} with {@code proximity}: a service-at-location must come back when asked within
   * {@value #PROXIMITY} m of its own location's postcode, and locations more than {@value #MARGIN} m further
   * away must not. The server places the postcode, so nearer locations prove nothing either way. The subject
   * is, of the first {@value #CANDIDATES} listed locations whose postcode is not spread over places more than
   * {@value #SPREAD} m apart, the one with the fewest known locations around it.
   */
  @SuppressWarnings("NullAway") // every place is in byPostcode, and the subject in places, as put there above
  private void proximity() {
    String what = "postcode and proximity on " + Endpoint.SERVICE_AT_LOCATIONS.path();
    Map<String, Place> places = places();
    Map<String, List<Place>> byPostcode = new HashMap<>();
    places.values().forEach(place -> byPostcode.computeIfAbsent(place.postcode(), key -> new ArrayList<>()).add(place));
    List<Place> weighed = places.values().stream().limit(WEIGHED_OVER).toList();
    String subject = null;
    long fewest = Long.MAX_VALUE;
    int weighedCandidates = 0;
    for (String link : links.keySet()) {
      Place place = places.get(link);
      if (place == null || place.postcode().isEmpty()
          || byPostcode.get(place.postcode()).stream().anyMatch(other -> metres(place, other) > SPREAD)) {
        continue;
      }
      if (weighedCandidates++ == CANDIDATES) {
        break;
      }
      long near = weighed.stream().filter(other -> metres(place, other) <= PROXIMITY + MARGIN).count();
      if (near < fewest) {
        subject = link;
        fewest = near;
      }
    }
    if (subject == null) {
      feed.notChecked(what, "no service-at-location it lists has a location with coordinates and a postcode in"
          + " a service looked up by id");
      return;
    }
    Place centre = places.get(subject);
    String chosen = subject;
    Function<JsonNode, Place> where = item -> {
      JsonNode location = item.path("location");
      if (location.path("latitude").isNumber() && location.path("longitude").isNumber()) {
        return new Place(location.path("latitude").asDouble(), location.path("longitude").asDouble(), "");
      }
      return places.get(item.path("id").asText(""));
    };
    String negative = links.keySet().stream()
        .filter(link -> places.containsKey(link) && metres(centre, places.get(link)) > PROXIMITY + MARGIN)
        .findFirst().orElse(null);
    Query query = Query.builder().postcode(centre.postcode()).proximity(BigDecimal.valueOf(PROXIMITY)).build();
    probe(Endpoint.SERVICE_AT_LOCATIONS, query, "service-at-location", subject, negative, item -> {
      if (chosen.equals(item.path("id").asText(""))) {
        return true;
      }
      Place place = where.apply(item);
      return place != null && metres(centre, place) > PROXIMITY + MARGIN ? Boolean.FALSE : null;
    }, item -> "location is " + Math.round(metres(centre, where.apply(item)) / 1000) + " km from " + chosen
        + " at " + centre.postcode());
  }

  /** Where each service-at-location of the services looked up is, when its location says. */
  private Map<String, Place> places() {
    Map<String, Place> places = new LinkedHashMap<>();
    for (JsonNode service : services.values()) {
      for (JsonNode link : service.path("service_at_locations")) {
        JsonNode location = link.path("location");
        if (!location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
          continue;
        }
        String postcode = "";
        for (JsonNode address : location.path("addresses")) {
          postcode = postcode.isEmpty() ? address.path("postal_code").asText("").strip().toUpperCase(Locale.ROOT)
              : postcode;
        }
        places.putIfAbsent(link.path("id").asText(""), new Place(location.path("latitude").asDouble(),
            location.path("longitude").asDouble(), postcode));
      }
    }
    return places;
  }

  private static double metres(Place a, Place b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // ------------------------------------------------------------------------------------------- one probe

  /**
   * Asks a list with a filter and reads up to {@value #PAGES} pages of the answer: the subject must come
   * back, and no item that {@code fits} says is ruled out may.
   *
   * @param negative the first listed record known not to match, or null when the data gives none (then only
   *     the items that come back can show the filter ignored, and that is reported as not checked if none
   *     does); when the filtered answer counts as many items as the unfiltered list, it shows the filter
   *     ignored even if the pages read do not hold it
   */
  private void probe(Endpoint list, Query filter, String thing, @Nullable String subject, @Nullable String negative,
      Function<JsonNode, Boolean> fits, Function<JsonNode, String> shows) {
    String asked = ServiceFilter.describe(filter);
    String parameter = asked.substring(0, asked.indexOf('='));
    boolean found = false;
    boolean complete = false;
    boolean ignored = false;
    for (int number = 1; number <= PAGES; number++) {
      URI uri = feed.client().uri(list, null, number == 1 ? filter : filter.withPage(number));
      RawResponse answer = feed.get(list, uri);
      if (answer == null) {
        return;
      }
      if (!answer.successful()) {
        feed.report(FilterRule.REFUSED, list, uri.toString(), "", "", list.path() + " does not support "
            + parameter + " (it answered " + answer.status() + " to " + asked + ").", asked);
        return;
      }
      JsonNode page = feed.parse(list, answer);
      if (page == null) {
        return;
      }
      for (JsonNode item : page.path("contents")) {
        String id = item.path("id").asText("");
        found |= id.equals(subject);
        if (!ignored && Boolean.FALSE.equals(fits.apply(item))) {
          ignored = true;
          feed.report(FilterRule.IGNORED, list, uri.toString(), "", id, list.path() + "?" + asked + " returns " + thing
              + " " + id + ", whose " + shows.apply(item) + ": the filter looks ignored.", asked);
        }
      }
      Long unfiltered = totals.get(list);
      if (number == 1 && !ignored && negative != null && unfiltered != null && unfiltered > 0
          && page.path("total_items").canConvertToLong() && page.path("total_items").asLong() >= unfiltered) {
        // With a sample, the items on the first pages may all be records the data does not settle; but a filter
        // that leaves as many records as there are, when one is known not to match, is ignored.
        ignored = true;
        feed.report(FilterRule.IGNORED, list, uri.toString(), "", negative, list.path() + "?" + asked + " answers "
            + page.path("total_items").asLong() + " items, as many as " + list.path() + " holds, although " + thing + " "
            + negative + " does not match it (its " + shows.apply(JsonNodeFactory.instance.objectNode().put("id", negative))
            + "): the filter looks ignored.", asked);
      }
      if (page.path("last_page").asBoolean(true) || page.path("contents").isEmpty()) {
        complete = true;
        break;
      }
      if (found && ignored) {
        break;
      }
    }
    if (!found && complete) {
      feed.report(FilterRule.MISSES, list, feed.client().uri(list, null, filter).toString(), "", subject, thing + " "
          + subject + " matches " + asked + " but " + list.path() + "?" + asked + " does not return it.", asked);
    } else if (!found) {
      feed.notChecked("whether " + list.path() + "?" + asked + " returns " + thing + " " + subject, "it was not among"
          + " the first " + PAGES + " pages of results, and no more were read");
    }
    if (negative == null && !ignored) {
      feed.notChecked("whether " + list.path() + "?" + asked + " leaves out the records it should", "no "
          + (thing.equals("service") ? "service" : thing + " of a service") + " looked up by id plainly fails to"
          + " match it");
    }
  }
}
