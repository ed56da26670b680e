package io.github.oruk.hub.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.hub.AggregateView;
import io.github.oruk.hub.MergedService;
import io.github.oruk.hub.dedup.Cluster;
import io.github.oruk.hub.dedup.DedupResult;
import io.github.oruk.hub.dedup.Deduplicator;
import io.github.oruk.hub.dedup.Source;
import io.github.oruk.hub.report.ReportFigures.AreaCount;
import io.github.oruk.hub.report.ReportFigures.Duplicates;
import io.github.oruk.hub.report.ReportFigures.Gap;
import io.github.oruk.hub.report.ReportFigures.SourcePair;
import io.github.oruk.hub.report.ReportFigures.TypeCount;
import io.github.oruk.hub.report.ReportFigures.WeekCount;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.RecordChange;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.validation.quality.QualitySummary;
import io.github.oruk.validation.quality.QualityTally;
import io.github.oruk.validation.quality.Richness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Computes {@link ReportFigures} (which states what is counted and why). */
final class Figures {

  /** The most weeks of change the report keeps: a year. */
  static final int WEEKS = 52;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final OrukJson JSON = OrukJson.lenient();
  /** A full UK postcode without spaces: the outward code, then the inward (digit, two letters). */
  private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

  private Figures() {
  }

  static ReportFigures ofStore(HubStore store, Clock clock) {
    Instant now = clock.instant();
    List<JsonNode> services = new ArrayList<>();
    for (MergedService merged : AggregateView.of(store).services()) {
      services.add(tree(merged.service()));
    }
    Map<UUID, String> feedOf = new HashMap<>();
    int current = 0;
    for (StoredRecord record : store.records()) {
      feedOf.put(record.aggregateId(), record.feed());
      current += record.live() && record.document() != null ? 1 : 0;
    }
    List<List<String>> clusters = new ArrayList<>();
    store.clusters().values().forEach(members -> clusters.add(members.stream()
        .map(id -> Objects.requireNonNull(feedOf.get(id), "a clustered record is stored")).toList()));
    Duplicates duplicates = duplicates("Records the hub's de-duplication engine matched, and curators' decisions"
        + " (oruk hub review).", current, clusters, store.clusterSummary().review());
    return figures("the hub's store (" + store.feeds().size() + " feeds)", now, services, duplicates,
        weeks(store.changes(), now));
  }

  static ReportFigures ofServices(String source, List<Service> services, Clock clock) {
    List<JsonNode> trees = new ArrayList<>();
    services.forEach(service -> trees.add(tree(service)));
    // The engine tells records apart by id: number the services so that missing or repeated ids still count.
    List<Service> numbered = new ArrayList<>();
    for (int i = 0; i < trees.size(); i++) {
      ObjectNode copy = trees.get(i).deepCopy();
      copy.put("id", Integer.toString(i));
      numbered.add(JSON.read(copy, Service.class).value());
    }
    DedupResult result = Deduplicator.builder().build().run(List.of(new Source(source, numbered)));
    List<List<String>> clusters = new ArrayList<>();
    int inClusters = 0;
    for (Cluster cluster : result.clusters()) {
      clusters.add(cluster.members().stream().map(key -> key.source()).toList());
      inClusters += cluster.members().size();
    }
    for (int i = inClusters; i < services.size(); i++) {
      clusters.add(List.of(source));
    }
    Duplicates duplicates = duplicates("The de-duplication engine run over this source alone: a single source has"
        + " no other feeds to compare with, and no curators' decisions.", services.size(), clusters, 0);
    return figures(source, clock.instant(), trees, duplicates, null);
  }

  private static JsonNode tree(Service service) {
    try {
      return MAPPER.readTree(JSON.write(service));
    } catch (IOException e) {
      throw new UncheckedIOException("the codec wrote JSON that does not read back", e);
    }
  }

  /** Names told apart regardless of case and spacing, each shown as first seen. */
  private static final class Names {
    final Map<String, String> labels = new LinkedHashMap<>();

    /** The key of a name told by {@code identity}, shown as {@code shown} if it is new. */
    String key(String identity, String shown) {
      String key = spaced(identity).toLowerCase(Locale.ROOT);
      labels.putIfAbsent(key, spaced(shown));
      return key;
    }

    private static String spaced(String text) {
      return text.strip().replaceAll("\\s+", " ");
    }
  }

  private static ReportFigures figures(String source, Instant now, List<JsonNode> services, Duplicates duplicates,
      @Nullable List<WeekCount> changes) {
    Names typeNames = new Names();
    Names townNames = new Names();
    Map<String, @Nullable String> vocabularies = new HashMap<>();
    Map<String, Integer> types = new HashMap<>();
    Map<String, Integer> towns = new HashMap<>();
    Map<String, Integer> districts = new HashMap<>();
    Map<String, Set<String>> typesInTown = new HashMap<>();
    int withoutType = 0;
    int withoutTown = 0;
    int withoutPostcode = 0;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    QualityTally quality = new QualityTally(Richness.standard(), today);
    int number = 0;
    for (JsonNode service : services) {
      Set<String> serviceTypes = new LinkedHashSet<>();
      for (JsonNode attribute : service.path("attributes")) {
        JsonNode term = attribute.path("taxonomy_term");
        String name = first(text(term, "name"), text(term, "term"), text(attribute, "taxonomy_term_id"));
        if (name != null) {
          String vocabulary = first(text(term, "taxonomy"), text(term.path("taxonomy_detail"), "name"));
          String key = typeNames.key((vocabulary == null ? "" : vocabulary.strip() + "\u0000") + name, name);
          vocabularies.putIfAbsent(key, vocabulary == null ? null : vocabulary.strip());
          serviceTypes.add(key);
        }
      }
      Set<String> serviceTowns = new LinkedHashSet<>();
      Set<String> serviceDistricts = new LinkedHashSet<>();
      for (JsonNode at : service.path("service_at_locations")) {
        for (JsonNode address : at.path("location").path("addresses")) {
          String city = text(address, "city");
          if (city != null) {
            serviceTowns.add(townNames.key(city, city));
          }
          String district = district(text(address, "postal_code"));
          if (district != null) {
            serviceDistricts.add(district);
          }
        }
      }
      serviceTypes.forEach(type -> types.merge(type, 1, Integer::sum));
      serviceTowns.forEach(town -> {
        towns.merge(town, 1, Integer::sum);
        typesInTown.computeIfAbsent(town, t -> new HashSet<>()).addAll(serviceTypes);
      });
      serviceDistricts.forEach(district -> districts.merge(district, 1, Integer::sum));
      withoutType += serviceTypes.isEmpty() ? 1 : 0;
      withoutTown += serviceTowns.isEmpty() ? 1 : 0;
      withoutPostcode += serviceDistricts.isEmpty() ? 1 : 0;
      // Each service counts once: the tally matches copies by id, which merged services or a file may repeat.
      ObjectNode scored = service.deepCopy();
      scored.put("id", Integer.toString(number++));
      quality.add(scored);
    }
    List<TypeCount> byType = new ArrayList<>();
    List<String> typeOrder = mostFirst(types, typeNames.labels);
    typeOrder.forEach(key -> byType.add(new TypeCount(label(typeNames, key), vocabularies.get(key),
        types.getOrDefault(key, 0))));
    List<AreaCount> byTown = new ArrayList<>();
    List<String> townOrder = mostFirst(towns, townNames.labels);
    townOrder.forEach(key -> byTown.add(new AreaCount(label(townNames, key), towns.getOrDefault(key, 0))));
    List<AreaCount> byDistrict = new ArrayList<>();
    mostFirst(districts, Map.of()).forEach(d -> byDistrict.add(new AreaCount(d, districts.getOrDefault(d, 0))));
    List<Gap> gaps = new ArrayList<>();
    for (String town : townOrder) {
      Set<String> present = typesInTown.getOrDefault(town, Set.of());
      List<TypeCount> missing = new ArrayList<>();
      for (int i = 0; i < typeOrder.size(); i++) {
        if (!present.contains(typeOrder.get(i))) {
          missing.add(byType.get(i));
        }
      }
      gaps.add(new Gap(label(townNames, town), missing));
    }
    QualitySummary summary = quality.summary();
    return new ReportFigures(source, now, services.size(), byType, withoutType, byTown, withoutTown, byDistrict,
        withoutPostcode, gaps, summary.freshness(), summary.meanRichness(), summary.richnessHistogram(),
        summary.weakestFeatures(), duplicates, changes);
  }

  private static String label(Names names, String key) {
    return Objects.requireNonNull(names.labels.get(key), "every key has its label");
  }

  /** The keys, most services first, then by label (or key), case-insensitively. */
  private static List<String> mostFirst(Map<String, Integer> counts, Map<String, String> labels) {
    List<String> keys = new ArrayList<>(counts.keySet());
    keys.sort(Comparator.comparing((String key) -> -counts.getOrDefault(key, 0))
        .thenComparing(key -> labels.getOrDefault(key, key).toLowerCase(Locale.ROOT))
        .thenComparing(key -> key));
    return keys;
  }

  /** The outward code of a UK postcode, or null when it is none (missing, or not a postcode's shape). */
  static @Nullable String district(@Nullable String postcode) {
    if (postcode == null) {
      return null;
    }
    Matcher matcher = POSTCODE.matcher(postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    return matcher.matches() ? matcher.group(1) : null;
  }

  /**
   * The duplicates in these groups of records (each group a service: its records' feeds).
   */
  private static Duplicates duplicates(String basis, int records, List<List<String>> clusters, int review) {
    int duplicated = 0;
    int across = 0;
    Map<List<String>, Integer> pairs = new HashMap<>();
    for (List<String> feeds : clusters) {
      if (feeds.size() < 2) {
        continue;
      }
      duplicated++;
      List<String> distinct = new ArrayList<>(new TreeSet<>(feeds));
      if (distinct.size() > 1) {
        across++;
      }
      for (int i = 0; i < distinct.size(); i++) {
        for (int j = i + 1; j < distinct.size(); j++) {
          pairs.merge(List.of(distinct.get(i), distinct.get(j)), 1, Integer::sum);
        }
      }
    }
    List<SourcePair> byPair = new ArrayList<>();
    pairs.forEach((pair, count) -> byPair.add(new SourcePair(pair.get(0), pair.get(1), count)));
    byPair.sort(Comparator.comparing((SourcePair p) -> -p.services()).thenComparing(SourcePair::a)
        .thenComparing(SourcePair::b));
    return new Duplicates(basis, records, clusters.size(), duplicated, across, review, byPair);
  }

  /**
   * Changes per week (weeks start on Monday, UTC), every week from the first change's to now's, at most the
   * latest {@link #WEEKS}.
   */
  static List<WeekCount> weeks(List<RecordChange> changes, Instant now) {
    if (changes.isEmpty()) {
      return List.of();
    }
    Map<LocalDate, int[]> byWeek = new HashMap<>();
    LocalDate first = null;
    for (RecordChange change : changes) {
      LocalDate week = week(change.at());
      first = first == null || week.isBefore(first) ? week : first;
      byWeek.computeIfAbsent(week, w -> new int[4])[change.kind().ordinal()]++;
    }
    LocalDate last = week(now);
    LocalDate from = Objects.requireNonNull(first).isBefore(last.minusWeeks(WEEKS - 1)) ? last.minusWeeks(WEEKS - 1)
        : first;
    List<WeekCount> weeks = new ArrayList<>();
    for (LocalDate week = from; !week.isAfter(last); week = week.plusWeeks(1)) {
      int[] counts = byWeek.getOrDefault(week, new int[4]);
      weeks.add(new WeekCount(week, counts[RecordChange.Kind.ADDED.ordinal()],
          counts[RecordChange.Kind.CHANGED.ordinal()], counts[RecordChange.Kind.WITHDRAWN.ordinal()],
          counts[RecordChange.Kind.RETURNED.ordinal()]));
    }
    return weeks;
  }

  private static LocalDate week(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static @Nullable String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
  }

  @SafeVarargs
  private static <T> @Nullable T first(@Nullable T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
