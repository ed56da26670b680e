package io.github.oruk.server.memory;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.Views;
import io.github.oruk.server.geo.KnownPostcodes;
import io.github.oruk.server.geo.PostcodeLocator;
import io.github.oruk.server.geo.PostcodePlace;
import io.github.oruk.server.geo.Postcodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The reference ORUK 3.0 directory: any set of fully nested services, held in memory and served with
 * every endpoint and every filter of the standard. Use it to publish a spreadsheet-sized directory, as a
 * test double, or as the model for your own provider.
 *
 * <pre>{@code
 * InMemoryDirectory directory = InMemoryDirectory.builder()
 *     .addAll(ServiceFile.read(Path.of("services.ndjson")).services())
 *     .taxonomy(myTaxonomy)
 *     .build();
 * }</pre>
 *
 * <p><b>What the filters mean here</b> (they combine with AND):
 * <ul>
 *   <li>{@code search}: every word of the search appears (whole words, ignoring case and accents) in the
 *       service's name, description or organization's name; for organizations, taxonomies and terms, in
 *       their name and description (and a term's {@code term}).
 *   <li>{@code taxonomy_term_id}, {@code taxonomy_id}: the service carries an attribute with that term,
 *       or with a term of that taxonomy. {@link Builder#termMatcher} widens {@code taxonomy_term_id}, for
 *       example to narrower and mapped terms with {@code TermFilter} from {@code oruk-taxonomy}.
 *   <li>{@code organization_id}: the service's {@code organization_id} (or its organization's id).
 *   <li>{@code modified_after}: the service's {@code last_modified} is at or after the instant.
 *   <li>{@code minimum_age} / {@code maximum_age}: the service's {@code minimum_age} is at least, or its
 *       {@code maximum_age} at most, the value (services without the property do not match).
 *   <li>{@code day}, {@code start_time}, {@code end_time}: one of the service's schedules is on that day
 *       (its {@code byday} names it, as {@code MO} or {@code 2MO}), opens at or after
 *       {@code start_time} and closes at or before {@code end_time}, all in the same schedule.
 *   <li>{@code postcode} with {@code proximity} (service-at-locations): the location is within that many
 *       metres of the postcode's centre. {@code postcode} alone: one of the service's
 *       {@code service_area} names is an area the postcode lies in. Postcodes are placed by the
 *       {@link PostcodeLocator}; by default {@link KnownPostcodes} built from the directory's addresses.
 *   <li>{@code top_only}, {@code parent_id} (taxonomy terms): terms without a parent; terms with that parent.
 * </ul>
 * Service-at-locations match the service-level filters through their service. Records are listed in the
 * order they were added.
 *
 * <p>Every filter is answered from an index (posting lists by term, organization, taxonomy and word;
 * sorted modification times and ages; compact schedule arrays; a grid of locations), so a request does not
 * walk the records themselves; 50,000 services are comfortable. The directory keeps the objects it is
 * given: do not change them afterwards. Once built it is immutable and thread-safe.
 */
public final class InMemoryDirectory implements DirectoryProvider {

  private static final int MONDAY_BIT = 1;
  private static final double GRID_DEGREES = 0.1;
  private static final int TERM_MATCHES_KEPT = 256;

  // services
  private final List<Service> services;
  private final List<Service> serviceItems;
  private final Map<String, Integer> servicePosition;
  private final WordIndex serviceWords;
  private final Map<String, int[]> byTerm;
  private final Map<String, int[]> byTaxonomy;
  private final Map<String, int[]> byOrganization;
  private final Map<String, int[]> byArea;
  private final long[] modifiedSorted;
  private final int[] modifiedOrder;
  private final BigDecimal[] minimumAgeSorted;
  private final int[] minimumAgeOrder;
  private final BigDecimal[] maximumAgeSorted;
  private final int[] maximumAgeOrder;
  private final int[] scheduleService;
  private final int[] scheduleDays;
  private final int[] scheduleOpens;
  private final int[] scheduleCloses;

  // service-at-locations
  private final List<ServiceAtLocation> links;
  private final List<ServiceAtLocation> linkItems;
  private final int[] linkService;
  private final int[] serviceFirstLink;
  private final Map<String, Integer> linkPosition;
  private final double[] linkLatitude;
  private final double[] linkLongitude;
  private final Map<Long, int[]> linkGrid;

  // organizations
  private final List<Organization> organizations;
  private final List<Organization> organizationItems;
  private final Map<String, Integer> organizationPosition;
  private final WordIndex organizationWords;

  // taxonomies and terms
  private final List<Taxonomy> taxonomies;
  private final List<Taxonomy> taxonomyItems;
  private final Map<String, Integer> taxonomyPosition;
  private final WordIndex taxonomyWords;
  private final List<TaxonomyTerm> terms;
  private final Map<String, Integer> termPosition;
  private final WordIndex termWords;
  private final Map<String, int[]> termsByParent;
  private final Map<String, int[]> termsByTaxonomy;
  private final int[] topTerms;

  private final PostcodeLocator postcodes;
  private final @Nullable Function<String, ? extends Predicate<? super Service>> termMatcher;
  private final Map<String, BitSet> termMatches;

  private InMemoryDirectory(Builder builder) {
    this.services = List.copyOf(builder.services);
    int count = services.size();
    this.servicePosition = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      Service service = services.get(i);
      if (service.getId() == null || service.getId().isBlank()) {
        throw new IllegalArgumentException("service number " + (i + 1) + " (" + service.getName()
            + ") has no id; every ORUK service needs one");
      }
      if (servicePosition.putIfAbsent(service.getId(), i) != null) {
        throw new IllegalArgumentException("two services have the id '" + service.getId()
            + "'; ids must be unique (numbers " + (servicePosition.get(service.getId()) + 1) + " and " + (i + 1) + ")");
      }
    }
    this.postcodes = builder.postcodes != null ? builder.postcodes : KnownPostcodes.of(services);
    this.termMatcher = builder.termMatcher;
    this.termMatches = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, BitSet> eldest) {
        return size() > TERM_MATCHES_KEPT;
      }
    });

    // terms first: services' taxonomy ids may come from the vocabulary rather than the attribute
    this.taxonomies = new ArrayList<>();
    this.taxonomyPosition = new HashMap<>();
    this.terms = new ArrayList<>();
    this.termPosition = new HashMap<>();
    for (Taxonomy taxonomy : builder.taxonomies) {
      if (taxonomy.getId() == null || taxonomyPosition.putIfAbsent(taxonomy.getId(), taxonomies.size()) != null) {
        throw new IllegalArgumentException("taxonomy '" + taxonomy.getName() + "' has no id, or a duplicate one");
      }
      taxonomies.add(taxonomy);
      if (!taxonomy.getTaxonomyTerms().isEmpty()) {
        for (TaxonomyTerm term : taxonomy.getTaxonomyTerms()) {
          addTerm(term, taxonomy.getId());
        }
      }
    }
    for (Service service : services) {
      for (Attribute attribute : attributes(service)) {
        addTerm(attribute.getTaxonomyTerm(), null);
      }
    }

    // services
    WordIndex.Builder words = new WordIndex.Builder();
    Positions.Keyed terms = new Positions.Keyed();
    Positions.Keyed taxonomyIds = new Positions.Keyed();
    Positions.Keyed organizationIds = new Positions.Keyed();
    Positions.Keyed areas = new Positions.Keyed();
    List<int[]> schedules = new ArrayList<>();
    this.serviceItems = new ArrayList<>(count);
    this.organizations = new ArrayList<>();
    this.organizationPosition = new HashMap<>();
    this.links = new ArrayList<>();
    this.linkPosition = new HashMap<>();
    List<Integer> linkServices = new ArrayList<>();
    this.serviceFirstLink = new int[count + 1];
    for (int i = 0; i < count; i++) {
      Service service = services.get(i);
      serviceItems.add(Views.listItem(service));
      Organization organization = service.getOrganization();
      words.add(i, service.getName(), service.getDescription(), organization == null ? null : organization.getName());
      for (Attribute attribute : attributes(service)) {
        String termId = termId(attribute);
        terms.add(termId, i);
        taxonomyIds.add(taxonomyOf(attribute), i);
      }
      String organizationId = service.getOrganizationId() != null ? service.getOrganizationId()
          : organization == null ? null : organization.getId();
      organizationIds.add(organizationId, i);
      if (organization != null && organization.getId() != null
          && organizationPosition.putIfAbsent(organization.getId(), organizations.size()) == null) {
        organizations.add(organization);
      }
      if (!service.getServiceAreas().isEmpty()) {
        for (ServiceArea area : service.getServiceAreas()) {
          if (area.getName() != null) {
            areas.add(area.getName().strip().toLowerCase(Locale.ROOT), i);
          }
        }
      }
      if (!service.getSchedules().isEmpty()) {
        for (Schedule schedule : service.getSchedules()) {
          schedules.add(new int[] {i, days(schedule), secondOfDay(schedule.getOpensAt()),
              secondOfDay(schedule.getClosesAt())});
        }
      }
      serviceFirstLink[i] = links.size();
      if (!service.getServiceAtLocations().isEmpty()) {
        for (ServiceAtLocation link : service.getServiceAtLocations()) {
          if (link.getId() == null || linkPosition.putIfAbsent(link.getId(), links.size()) != null) {
            throw new IllegalArgumentException("service '" + service.getId()
                + "' has a service_at_location without an id, or with an id used before");
          }
          links.add(link);
          linkServices.add(i);
        }
      }
    }
    serviceFirstLink[count] = links.size();
    this.serviceWords = words.build();
    this.byTerm = terms.build();
    this.byTaxonomy = taxonomyIds.build();
    this.byOrganization = organizationIds.build();
    this.byArea = areas.build();

    Integer[] byModified = IntStream.range(0, count).filter(i -> services.get(i).getLastModified() != null)
        .boxed().toArray(Integer[]::new);
    Arrays.sort(byModified, Comparator.comparing(i -> lastModified(services.get(i)).toInstant()));
    this.modifiedOrder = Arrays.stream(byModified).mapToInt(Integer::intValue).toArray();
    this.modifiedSorted = Arrays.stream(byModified)
        .mapToLong(i -> epochMillis(lastModified(services.get(i)))).toArray();
    this.minimumAgeOrder = sortedBy(count, i -> services.get(i).getMinimumAge());
    this.minimumAgeSorted = Arrays.stream(minimumAgeOrder).mapToObj(i -> services.get(i).getMinimumAge())
        .toArray(BigDecimal[]::new);
    this.maximumAgeOrder = sortedBy(count, i -> services.get(i).getMaximumAge());
    this.maximumAgeSorted = Arrays.stream(maximumAgeOrder).mapToObj(i -> services.get(i).getMaximumAge())
        .toArray(BigDecimal[]::new);
    this.scheduleService = schedules.stream().mapToInt(s -> s[0]).toArray();
    this.scheduleDays = schedules.stream().mapToInt(s -> s[1]).toArray();
    this.scheduleOpens = schedules.stream().mapToInt(s -> s[2]).toArray();
    this.scheduleCloses = schedules.stream().mapToInt(s -> s[3]).toArray();

    // service-at-locations
    this.linkService = linkServices.stream().mapToInt(Integer::intValue).toArray();
    this.linkItems = new ArrayList<>(links.size());
    this.linkLatitude = new double[links.size()];
    this.linkLongitude = new double[links.size()];
    Map<Long, Positions.Growing> grid = new HashMap<>();
    for (int j = 0; j < links.size(); j++) {
      ServiceAtLocation link = links.get(j);
      ServiceAtLocation item = new ServiceAtLocation()
          .id(link.getId())
          .serviceId(link.getServiceId() != null ? link.getServiceId() : services.get(linkService[j]).getId())
          .locationId(link.getLocationId() != null ? link.getLocationId()
              : link.getLocation() == null ? null : link.getLocation().getId())
          .location(link.getLocation() == null ? null : Views.listItem(link.getLocation()))
          .service(serviceItems.get(linkService[j]));
      linkItems.add(item);
      Location location = link.getLocation();
      linkLatitude[j] = Double.NaN;
      linkLongitude[j] = Double.NaN;
      if (location != null && location.getLatitude() != null && location.getLongitude() != null) {
        double lat = location.getLatitude().doubleValue();
        double lon = location.getLongitude().doubleValue();
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
          linkLatitude[j] = lat;
          linkLongitude[j] = lon;
          grid.computeIfAbsent(cell(lat, lon), key -> new Positions.Growing()).add(j);
        }
      }
    }
    this.linkGrid = new HashMap<>();
    grid.forEach((key, positions) -> linkGrid.put(key, positions.toArray()));

    // organizations
    this.organizationItems = new ArrayList<>(organizations.size());
    WordIndex.Builder organizationText = new WordIndex.Builder();
    for (int k = 0; k < organizations.size(); k++) {
      Organization organization = organizations.get(k);
      Organization item = Views.listItem(organization);
      item.setServices(null);
      organizationItems.add(item);
      organizationText.add(k, organization.getName(), organization.getDescription());
    }
    this.organizationWords = organizationText.build();

    // taxonomies and terms
    this.taxonomyItems = new ArrayList<>(taxonomies.size());
    WordIndex.Builder taxonomyText = new WordIndex.Builder();
    for (int t = 0; t < taxonomies.size(); t++) {
      Taxonomy taxonomy = taxonomies.get(t);
      taxonomyItems.add(Views.listItem(taxonomy));
      taxonomyText.add(t, taxonomy.getName(), taxonomy.getDescription());
    }
    this.taxonomyWords = taxonomyText.build();
    WordIndex.Builder termText = new WordIndex.Builder();
    Positions.Keyed parents = new Positions.Keyed();
    Positions.Keyed termTaxonomies = new Positions.Keyed();
    Positions.Growing top = new Positions.Growing();
    for (int t = 0; t < this.terms.size(); t++) {
      TaxonomyTerm term = this.terms.get(t);
      termText.add(t, term.getName(), term.getDescription(), term.getTerm());
      parents.add(term.getParentId(), t);
      termTaxonomies.add(term.getTaxonomyId(), t);
      if (term.getParentId() == null || term.getParentId().isBlank()) {
        top.add(t);
      }
    }
    this.termWords = termText.build();
    this.termsByParent = parents.build();
    this.termsByTaxonomy = termTaxonomies.build();
    this.topTerms = top.toArray();
  }

  /** A builder with no services. */
  public static Builder builder() {
    return new Builder();
  }

  /** A directory of these services, with the default postcode locator and no explicit taxonomies. */
  public static InMemoryDirectory of(Collection<Service> services) {
    return builder().addAll(services).build();
  }

  /** How many services it holds. */
  public int size() {
    return services.size();
  }

  /** The services, in order; do not change them. */
  public List<Service> services() {
    return services;
  }

  /** The locator used for {@code postcode}. */
  public PostcodeLocator postcodeLocator() {
    return postcodes;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.everything();
  }

  /**
   * True: the list items and records it returns are built once and never changed, so the SDK may reuse
   * their JSON. (Views built per request, such as nested organizations, are new objects every time.)
   */
  @Override
  public boolean recordsAreImmutable() {
    return true;
  }

  /** This directory itself: it never changes once built, so its pages can be sent again as they were. */
  @Override
  public Object dataVersion() {
    return this;
  }

  // ------------------------------------------------------------------------------------------- services

  @Override
  public Results<Service> services(Query query, PageRequest page) {
    BitSet matches = matchServices(query, null);
    List<Service> view = Boolean.TRUE.equals(query.full()) ? services : serviceItems;
    return page(matches, services.size(), view::get, page);
  }

  @Override
  public Stream<Service> streamServices(Query query) {
    BitSet matches = matchServices(query, null);
    List<Service> view = Boolean.TRUE.equals(query.full()) ? services : serviceItems;
    return stream(matches, services.size(), view::get);
  }

  @Override
  public Optional<Service> service(String id) {
    Integer position = servicePosition.get(id);
    return position == null ? Optional.empty() : Optional.of(services.get(position));
  }

  // ------------------------------------------------------------------------------------ service-at-locations

  @Override
  public Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
    return page(matchLinks(query), links.size(), linkView(query), page);
  }

  @Override
  public Stream<ServiceAtLocation> streamServiceAtLocations(Query query) {
    return stream(matchLinks(query), links.size(), linkView(query));
  }

  @Override
  public Optional<ServiceAtLocation> serviceAtLocation(String id) {
    Integer position = linkPosition.get(id);
    return position == null ? Optional.empty() : Optional.of(fullLink(position));
  }

  private IntFunction<ServiceAtLocation> linkView(Query query) {
    return Boolean.TRUE.equals(query.full()) ? this::fullLink : linkItems::get;
  }

  private ServiceAtLocation fullLink(int position) {
    return Views.serviceAtLocation(links.get(position), services.get(linkService[position]));
  }

  // ------------------------------------------------------------------------------------------- organizations

  @Override
  public Results<Organization> organizations(Query query, PageRequest page) {
    BitSet matches = query.search() == null ? null : organizationWords.match(query.search());
    return page(matches, organizations.size(), organizationView(query), page);
  }

  @Override
  public Stream<Organization> streamOrganizations(Query query) {
    BitSet matches = query.search() == null ? null : organizationWords.match(query.search());
    return stream(matches, organizations.size(), organizationView(query));
  }

  @Override
  public Optional<Organization> organization(String id, boolean fullService) {
    Integer position = organizationPosition.get(id);
    return position == null ? Optional.empty() : Optional.of(fullOrganization(position, fullService));
  }

  private IntFunction<Organization> organizationView(Query query) {
    boolean fullService = Boolean.TRUE.equals(query.fullService());
    if (Boolean.TRUE.equals(query.full()) || fullService) {
      return position -> fullOrganization(position, fullService);
    }
    return organizationItems::get;
  }

  private Organization fullOrganization(int position, boolean fullService) {
    Organization organization = Views.copy(organizations.get(position));
    organization.setServices(null);
    int[] own = byOrganization.getOrDefault(organization.getId(), new int[0]);
    for (int service : own) {
      organization.addServicesItem(fullService ? services.get(service) : serviceItems.get(service));
    }
    return organization;
  }

  // ------------------------------------------------------------------------------------------- taxonomies

  @Override
  public Results<Taxonomy> taxonomies(Query query, PageRequest page) {
    BitSet matches = query.search() == null ? null : taxonomyWords.match(query.search());
    return page(matches, taxonomies.size(), taxonomyItems::get, page);
  }

  @Override
  public Stream<Taxonomy> streamTaxonomies(Query query) {
    BitSet matches = query.search() == null ? null : taxonomyWords.match(query.search());
    return stream(matches, taxonomies.size(), taxonomyItems::get);
  }

  @Override
  public Optional<Taxonomy> taxonomy(String id) {
    Integer position = taxonomyPosition.get(id);
    if (position == null) {
      return Optional.empty();
    }
    Taxonomy taxonomy = Views.copy(taxonomies.get(position));
    taxonomy.setTaxonomyTerms(null);
    for (int term : termsByTaxonomy.getOrDefault(id, new int[0])) {
      taxonomy.addTaxonomyTermsItem(terms.get(term));
    }
    return Optional.of(taxonomy);
  }

  @Override
  public Results<TaxonomyTerm> taxonomyTerms(Query query, PageRequest page) {
    return page(matchTerms(query), terms.size(), terms::get, page);
  }

  @Override
  public Stream<TaxonomyTerm> streamTaxonomyTerms(Query query) {
    return stream(matchTerms(query), terms.size(), terms::get);
  }

  @Override
  public Optional<TaxonomyTerm> taxonomyTerm(String id) {
    Integer position = termPosition.get(id);
    return position == null ? Optional.empty() : Optional.of(terms.get(position));
  }

  // ------------------------------------------------------------------------------------------- matching

  /** Positions of the services matching every service-level filter; null when nothing narrows them. */
  private @Nullable BitSet matchServices(Query query, @Nullable PostcodePlace place) {
    BitSet result = null;
    if (query.search() != null) {
      BitSet words = serviceWords.match(query.search());
      if (words != null) {
        result = words;
      }
    }
    if (query.taxonomyTermId() != null) {
      result = Positions.and(result, termMatcher == null ? posting(byTerm, query.taxonomyTermId())
          : matchedByTerm(query.taxonomyTermId()));
    }
    if (query.taxonomyId() != null) {
      result = Positions.and(result, posting(byTaxonomy, query.taxonomyId()));
    }
    if (query.organizationId() != null) {
      result = Positions.and(result, posting(byOrganization, query.organizationId()));
    }
    if (query.modifiedAfter() != null) {
      result = Positions.and(result, modifiedSince(query.modifiedAfter()));
    }
    if (query.minimumAge() != null) {
      int from = firstAtLeast(minimumAgeSorted, query.minimumAge());
      result = Positions.and(result, range(minimumAgeOrder, from, minimumAgeOrder.length));
    }
    if (query.maximumAge() != null) {
      int to = firstAbove(maximumAgeSorted, query.maximumAge());
      result = Positions.and(result, range(maximumAgeOrder, 0, to));
    }
    if (query.day() != null || query.startTime() != null || query.endTime() != null) {
      result = schedulesMatching(query.day(), query.startTime(), query.endTime(), result);
    }
    if (place != null) {
      BitSet covered = new BitSet();
      for (String area : place.areas()) {
        int[] positions = byArea.get(area);
        if (positions != null) {
          covered.or(Positions.toBitSet(positions));
        }
      }
      result = Positions.and(result, covered);
    }
    return result;
  }

  private @Nullable BitSet matchLinks(Query query) {
    PostcodePlace place = null;
    if (query.postcode() != null) {
      place = locate(query.postcode());
    }
    BitSet servicesMatching = matchServices(query, query.proximity() == null ? place : null);
    BitSet result = null;
    if (servicesMatching != null) {
      result = new BitSet(links.size());
      for (int s = servicesMatching.nextSetBit(0); s >= 0; s = servicesMatching.nextSetBit(s + 1)) {
        result.set(serviceFirstLink[s], serviceFirstLink[s + 1]);
      }
    }
    if (place != null && query.proximity() != null) {
      result = Positions.and(result, within(place, query.proximity().doubleValue()));
    }
    return result;
  }

  private PostcodePlace locate(String postcode) {
    if (Postcodes.normalize(postcode).isEmpty() && Postcodes.outward(postcode).isEmpty()) {
      throw new InvalidQueryException("postcode", "'postcode' must be a UK postcode such as BS1 4DJ (or a"
          + " district such as BS1); got '" + shorten(postcode) + "'.");
    }
    Optional<PostcodePlace> place;
    try {
      place = postcodes.locate(postcode);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the postcode locator failed on '" + shorten(postcode) + "'", e);
    }
    return place.orElseThrow(() -> new InvalidQueryException("postcode", "this directory cannot place the"
        + " postcode '" + shorten(postcode) + "', so it cannot search around it."));
  }

  private BitSet within(PostcodePlace place, double metres) {
    BitSet result = new BitSet(links.size());
    double latSpan = metres / 111_000.0 + GRID_DEGREES;
    double cos = Math.max(0.01, Math.cos(Math.toRadians(place.latitude())));
    double lonSpan = metres / (111_000.0 * cos) + GRID_DEGREES;
    long rows = (long) Math.ceil(2 * latSpan / GRID_DEGREES) + 1;
    long columns = (long) Math.ceil(2 * lonSpan / GRID_DEGREES) + 1;
    if (rows * columns > linkGrid.size() * 4L + 16) {
      for (int j = 0; j < links.size(); j++) {
        if (!Double.isNaN(linkLatitude[j]) && place.metresTo(linkLatitude[j], linkLongitude[j]) <= metres) {
          result.set(j);
        }
      }
      return result;
    }
    long firstRow = (long) Math.floor((place.latitude() - latSpan) / GRID_DEGREES);
    long firstColumn = (long) Math.floor((place.longitude() - lonSpan) / GRID_DEGREES);
    for (long row = firstRow; row < firstRow + rows; row++) {
      for (long column = firstColumn; column < firstColumn + columns; column++) {
        int[] cell = linkGrid.get((row << 32) | (column & 0xFFFFFFFFL));
        if (cell == null) {
          continue;
        }
        for (int j : cell) {
          if (place.metresTo(linkLatitude[j], linkLongitude[j]) <= metres) {
            result.set(j);
          }
        }
      }
    }
    return result;
  }

  private static long cell(double latitude, double longitude) {
    long row = (long) Math.floor(latitude / GRID_DEGREES);
    long column = (long) Math.floor(longitude / GRID_DEGREES);
    return (row << 32) | (column & 0xFFFFFFFFL);
  }

  private @Nullable BitSet matchTerms(Query query) {
    BitSet result = null;
    if (query.search() != null) {
      BitSet words = termWords.match(query.search());
      if (words != null) {
        result = words;
      }
    }
    if (query.taxonomyId() != null) {
      result = Positions.and(result, posting(termsByTaxonomy, query.taxonomyId()));
    }
    if (Boolean.TRUE.equals(query.topOnly())) {
      result = Positions.and(result, Positions.toBitSet(topTerms));
    }
    if (query.parentId() != null) {
      result = Positions.and(result, posting(termsByParent, query.parentId()));
    }
    return result;
  }

  private BitSet modifiedSince(OffsetDateTime since) {
    long millis = epochMillis(since);
    int from = Arrays.binarySearch(modifiedSorted, millis);
    if (from < 0) {
      from = -from - 1;
    } else {
      while (from > 0 && modifiedSorted[from - 1] == millis) {
        from--;
      }
    }
    return range(modifiedOrder, from, modifiedOrder.length);
  }

  private BitSet schedulesMatching(@Nullable DayOfWeek day, @Nullable LocalTime start, @Nullable LocalTime end, @Nullable BitSet candidates) {
    int dayBit = day == null ? 0 : MONDAY_BIT << (day.getValue() - 1);
    int from = start == null ? -1 : start.toSecondOfDay();
    int to = end == null ? -1 : end.toSecondOfDay();
    BitSet result = new BitSet(services.size());
    for (int k = 0; k < scheduleService.length; k++) {
      int service = scheduleService[k];
      if (candidates != null && !candidates.get(service)) {
        continue;
      }
      if (dayBit != 0 && (scheduleDays[k] & dayBit) == 0) {
        continue;
      }
      if (from >= 0 && (scheduleOpens[k] < 0 || scheduleOpens[k] < from)) {
        continue;
      }
      if (to >= 0 && (scheduleCloses[k] < 0 || scheduleCloses[k] > to)) {
        continue;
      }
      result.set(service);
    }
    return result;
  }

  /** The days a schedule names in {@code byday}, as bits (Monday = 1); none when it names no day. */
  static int days(Schedule schedule) {
    String byday = schedule.getByday();
    if (byday == null || byday.isBlank()) {
      return 0;
    }
    int bits = 0;
    for (String part : byday.split(",")) {
      String code = part.strip().toUpperCase(Locale.ROOT);
      if (code.length() < 2) {
        continue;
      }
      switch (code.substring(code.length() - 2)) {
        case "MO" -> bits |= 1;
        case "TU" -> bits |= 1 << 1;
        case "WE" -> bits |= 1 << 2;
        case "TH" -> bits |= 1 << 3;
        case "FR" -> bits |= 1 << 4;
        case "SA" -> bits |= 1 << 5;
        case "SU" -> bits |= 1 << 6;
        default -> {
          // not a day code; ignored
        }
      }
    }
    return bits;
  }

  /** The last-modified time of a service that has one (the indexes above keep only those). */
  private static OffsetDateTime lastModified(Service service) {
    return Objects.requireNonNull(service.getLastModified(), "lastModified");
  }

  /**
   * Milliseconds since the epoch, saturated at the ends of {@code long}: {@code OffsetDateTime} reaches
   * ±999,999,999 years, beyond what epoch milliseconds hold (about ±292 million years), and such a value
   * still sorts after (or before) every other.
   */
  static long epochMillis(OffsetDateTime time) {
    long seconds = time.toEpochSecond();
    if (seconds > Long.MAX_VALUE / 1000 - 1) {
      return Long.MAX_VALUE;
    }
    if (seconds < Long.MIN_VALUE / 1000 + 1) {
      return Long.MIN_VALUE;
    }
    return seconds * 1000 + time.getNano() / 1_000_000;
  }

  private static int secondOfDay(@Nullable LocalTime time) {
    return time == null ? -1 : time.toSecondOfDay();
  }

  // ------------------------------------------------------------------------------------------- helpers

  /**
   * The services the {@link Builder#termMatcher} accepts for a term: one pass over the services, kept for
   * the most recently asked terms (the directory never changes, so neither does the answer). A copy, as
   * callers narrow it in place.
   */
  private BitSet matchedByTerm(String termId) {
    BitSet matched = termMatches.get(termId);
    if (matched == null) {
      Predicate<? super Service> accepts;
      try {
        // Only asked when there is a matcher (see the query above).
        accepts = Objects.requireNonNull(termMatcher, "termMatcher").apply(termId);
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException("taxonomy_term_id", "'taxonomy_term_id' " + shorten(termId)
            + " cannot be matched: " + e.getMessage() + " Give the id of a term this directory knows.");
      }
      matched = new BitSet(services.size());
      for (int k = 0; k < services.size(); k++) {
        if (accepts != null && accepts.test(services.get(k))) {
          matched.set(k);
        }
      }
      termMatches.put(termId, matched);
    }
    return (BitSet) matched.clone();
  }

  private static BitSet posting(Map<String, int[]> index, String key) {
    int[] positions = index.get(key);
    return positions == null ? new BitSet() : Positions.toBitSet(positions);
  }

  private static BitSet range(int[] order, int from, int to) {
    BitSet set = new BitSet();
    for (int k = from; k < to; k++) {
      set.set(order[k]);
    }
    return set;
  }

  private static int[] sortedBy(int count, IntFunction<BigDecimal> value) {
    return IntStream.range(0, count).filter(i -> value.apply(i) != null).boxed()
        .sorted(Comparator.comparing(value::apply)).mapToInt(Integer::intValue).toArray();
  }

  private static int firstAtLeast(BigDecimal[] sorted, BigDecimal wanted) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle].compareTo(wanted) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static int firstAbove(BigDecimal[] sorted, BigDecimal wanted) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle].compareTo(wanted) <= 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static <T> Results<T> page(@Nullable BitSet matches, int size, IntFunction<T> view, PageRequest page) {
    long offset = page.offset();
    List<T> items = new ArrayList<>(Math.min(page.perPage(), 128));
    if (matches == null) {
      for (long i = offset; i < size && items.size() < page.perPage(); i++) {
        items.add(view.apply((int) i));
      }
      return Results.of(items, size);
    }
    int total = matches.cardinality();
    if (offset < total) {
      int position = matches.nextSetBit(0);
      for (long skipped = 0; skipped < offset; skipped++) {
        position = matches.nextSetBit(position + 1);
      }
      for (; position >= 0 && items.size() < page.perPage(); position = matches.nextSetBit(position + 1)) {
        items.add(view.apply(position));
      }
    }
    return Results.of(items, total);
  }

  private static <T> Stream<T> stream(@Nullable BitSet matches, int size, IntFunction<T> view) {
    IntStream positions = matches == null ? IntStream.range(0, size) : matches.stream();
    return positions.mapToObj(view);
  }

  private static List<Attribute> attributes(Service service) {
    return service.getAttributes();
  }

  private static @Nullable String termId(Attribute attribute) {
    if (attribute.getTaxonomyTermId() != null) {
      return attribute.getTaxonomyTermId();
    }
    return attribute.getTaxonomyTerm() == null ? null : attribute.getTaxonomyTerm().getId();
  }

  private @Nullable String taxonomyOf(Attribute attribute) {
    TaxonomyTerm nested = attribute.getTaxonomyTerm();
    if (nested != null && nested.getTaxonomyId() != null) {
      return nested.getTaxonomyId();
    }
    String termId = termId(attribute);
    Integer known = termId == null ? null : termPosition.get(termId);
    return known == null ? null : terms.get(known).getTaxonomyId();
  }

  private void addTerm(@Nullable TaxonomyTerm term, @Nullable String taxonomyId) {
    if (term == null || term.getId() == null || termPosition.containsKey(term.getId())) {
      return;
    }
    TaxonomyTerm stored = term;
    if (term.getTaxonomyId() == null && taxonomyId != null) {
      stored = Views.copy(term).taxonomyId(taxonomyId);
    }
    termPosition.put(term.getId(), terms.size());
    terms.add(stored);
  }

  private static String shorten(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }

  /** Collects services and taxonomies for an {@link InMemoryDirectory}. */
  public static final class Builder {
    private final List<Service> services = new ArrayList<>();
    private final Map<String, Taxonomy> taxonomiesById = new LinkedHashMap<>();
    private final List<Taxonomy> taxonomies = new ArrayList<>();
    private @Nullable PostcodeLocator postcodes;
    private @Nullable Function<String, ? extends Predicate<? super Service>> termMatcher;

    private Builder() {
    }

    /** Adds fully nested services (each with its organization, locations, schedules and attributes). */
    public Builder addAll(Collection<Service> services) {
      for (Service service : services) {
        add(service);
      }
      return this;
    }

    /** Adds services from a stream, such as {@code DataGenerator.services(n)}. */
    public Builder addAll(Stream<Service> services) {
      services.forEachOrdered(this::add);
      return this;
    }

    /** Adds one fully nested service. */
    public Builder add(Service service) {
      services.add(Objects.requireNonNull(service, "service"));
      return this;
    }

    /**
     * Adds the services of a JSON or NDJSON file (see {@link ServiceFile}); the reader's findings are
     * not kept (use {@link ServiceFile#read(Path)} to see them).
     *
     * @throws IOException when the file cannot be read or holds something other than services
     */
    public Builder addFile(Path file) throws IOException {
      return addAll(ServiceFile.read(file).services());
    }

    /**
     * Adds a taxonomy, served by {@code /taxonomies}. Its terms, and the terms services' attributes
     * carry, are served by {@code /taxonomy_terms}.
     */
    public Builder taxonomy(Taxonomy taxonomy) {
      Objects.requireNonNull(taxonomy, "taxonomy");
      if (taxonomiesById.putIfAbsent(String.valueOf(taxonomy.getId()), taxonomy) == null) {
        taxonomies.add(taxonomy);
      }
      return this;
    }

    /** Where postcodes are (default: {@link KnownPostcodes} built from the services' addresses). */
    public Builder postcodeLocator(PostcodeLocator locator) {
      this.postcodes = locator;
      return this;
    }

    /**
     * How {@code taxonomy_term_id} matches a service. By default a service matches when one of its
     * attributes names exactly that term id. With a matcher, the directory asks it once for a predicate per
     * requested term id and serves the services it accepts, so a query for a broad term can find services
     * tagged with narrower terms or with the same concept in another taxonomy. {@code TermFilter} from
     * {@code oruk-taxonomy} is such a predicate:
     *
     * <pre>{@code
     * InMemoryDirectory.builder().addAll(services)
     *     .termMatcher(id -> TermFilter.builder().term(id).schemes(lgsl).crosswalk(mappings).build())
     *     .build();
     * }</pre>
     *
     * A matcher that returns null matches nothing; one that throws {@link IllegalArgumentException} (as
     * {@code TermFilter} does for a term it cannot resolve) makes the request a 400 naming
     * {@code taxonomy_term_id}, with the exception's message.
     */
    public Builder termMatcher(Function<String, ? extends Predicate<? super Service>> matcher) {
      this.termMatcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /**
     * Builds the indexes.
     *
     * @throws IllegalArgumentException when a service has no id, or two services (or service-at-locations)
     *     share one
     */
    public InMemoryDirectory build() {
      return new InMemoryDirectory(this);
    }
  }
}
