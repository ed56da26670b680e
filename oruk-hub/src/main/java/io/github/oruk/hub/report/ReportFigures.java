package io.github.oruk.hub.report;

import io.github.oruk.hub.store.HubStore;
import io.github.oruk.model.Service;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The figures of the management report, without any HTML: what {@link ManagementReport} draws, for a library
 * user who wants the numbers themselves.
 *
 * <p>What is counted, and why:
 * <ul>
 *   <li>Services, not records. From a hub's store, one service per cluster of the merged view ({@link
 *       io.github.oruk.hub.AggregateView}): a service two feeds both describe counts once, so coverage is not
 *       inflated by duplicates (the duplicates are counted apart). From one source, each service it holds.</li>
 *   <li>Service type: each distinct taxonomy term on a service's {@code attributes} ({@code taxonomy_term}'s
 *       {@code name}, else its {@code term}, else the attribute's {@code taxonomy_term_id}), with the term's
 *       vocabulary (its {@code taxonomy}, such as {@code esdServiceTypes}, else its {@code taxonomy_detail}'s
 *       name). Every vocabulary counts, so that a feed tagged with needs or circumstances is not shown as
 *       untyped; the vocabulary column tells them apart. A service with several terms counts under each, so the
 *       column adds up to more than the number of services.</li>
 *   <li>Town: the {@code city} of the addresses of a service's locations. {@code address_2} is not used: in UK
 *       feeds it is as often a second street line as a locality, and would invent towns. Postcode district: the
 *       outward code of {@code postal_code} ({@code LS1 4AP} is {@code LS1}). A service at several towns counts in
 *       each. Names that differ only in case or spacing are one town, shown as first seen.</li>
 *   <li>Coverage gaps: for every town, the service types (as above) that no service in that town has.</li>
 *   <li>Freshness and richness: as the validator's data-quality summary counts them ({@link
 *       io.github.oruk.validation.quality.QualityTally}): last assured ({@code assured_date}) within 3 months, 3 to
 *       6, 6 to 12, over a year, in the future or never; the richness score 0 to 100 of {@link
 *       io.github.oruk.validation.quality.Richness} in ten bands.</li>
 *   <li>Duplicates: from a store, its clusters (records the de-duplication engine and the curators put together);
 *       from one source, the engine run over that source alone.</li>
 *   <li>Change over time: from a store's record history, per week (Monday, UTC). A single source has no history,
 *       so {@code changes} is null and the page says so.</li>
 * </ul>
 *
 * @param source what the figures were made from, such as {@code the hub store jdbc:h2:...} or a file's name
 * @param madeAt when they were made
 * @param services how many services were counted
 * @param byType services per service type, most first (then by name)
 * @param withoutType services with no taxonomy term
 * @param byTown services per town, most first
 * @param withoutTown services with no address that gives a town
 * @param byPostcodeDistrict services per postcode district, most first
 * @param withoutPostcode services with no address that gives a valid UK postcode
 * @param gaps coverage gaps: each town (in {@code byTown}'s order) with the types no service there has
 * @param freshness services per freshness band, in the order of the bands
 * @param meanRichness the services' mean richness, 0 to 100
 * @param richness services per richness band: 0–9, 10–19, ..., 90–100
 * @param weakestFeatures the richness features most often missing, with how many services lack each
 * @param duplicates the duplicates found
 * @param changes changes per week, oldest first; null when the source has no history
 */
public record ReportFigures(String source, Instant madeAt, int services, List<TypeCount> byType, int withoutType,
    List<AreaCount> byTown, int withoutTown, List<AreaCount> byPostcodeDistrict, int withoutPostcode,
    List<Gap> gaps, Map<String, Integer> freshness, double meanRichness, List<Integer> richness,
    Map<String, Integer> weakestFeatures, Duplicates duplicates, @Nullable List<WeekCount> changes) {

  /** Checks the parts and copies the collections. */
  public ReportFigures {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(madeAt, "madeAt");
    byType = List.copyOf(byType);
    byTown = List.copyOf(byTown);
    byPostcodeDistrict = List.copyOf(byPostcodeDistrict);
    gaps = List.copyOf(gaps);
    freshness = Collections.unmodifiableMap(new LinkedHashMap<>(freshness));
    richness = List.copyOf(richness);
    weakestFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(weakestFeatures));
    Objects.requireNonNull(duplicates, "duplicates");
    changes = changes == null ? null : List.copyOf(changes);
  }

  /**
   * The figures of a hub's store now: its merged services, clusters and history. Reads the store once per part.
   */
  public static ReportFigures of(HubStore store, Clock clock) {
    return Figures.ofStore(store, clock);
  }

  /**
   * The figures of one source's services (a feed, a file, a package), which has no history: {@code changes} is
   * null; duplicates are those the de-duplication engine finds within the source.
   *
   * @param source what the services were read from, as the report should name it
   */
  public static ReportFigures of(String source, List<Service> services, Clock clock) {
    return Figures.ofServices(source, services, clock);
  }

  /**
   * A service type and how many services have it.
   *
   * @param type the term's name (else its {@code term} or id), as the feed gives it
   * @param vocabulary the term's vocabulary ({@code taxonomy}), or null when the feed does not say
   * @param services how many services have it
   */
  public record TypeCount(String type, @Nullable String vocabulary, int services) {
  }

  /**
   * An area (a town or a postcode district) and how many services are in it.
   *
   * @param area its name
   * @param services how many services have a location there
   */
  public record AreaCount(String area, int services) {
  }

  /**
   * A town and the service types no service in it has.
   *
   * @param town the town
   * @param missing the types, in {@code byType}'s order
   */
  public record Gap(String town, List<TypeCount> missing) {
    /** Copies the list. */
    public Gap {
      missing = List.copyOf(missing);
    }
  }

  /**
   * The duplicates found.
   *
   * @param basis how they were found, in a sentence
   * @param records records looked at
   * @param services services they make, duplicates merged
   * @param duplicated services described by more than one record
   * @param acrossSources of those, services described by records from more than one feed
   * @param review pairs of records waiting for a curator (0 without a store)
   * @param pairs for each two feeds, how many services both describe; most first
   */
  public record Duplicates(String basis, int records, int services, int duplicated, int acrossSources, int review,
      List<SourcePair> pairs) {
    /** Copies the list. */
    public Duplicates {
      pairs = List.copyOf(pairs);
    }
  }

  /**
   * Two feeds and how many services both describe.
   *
   * @param a one feed (the first by name)
   * @param b the other
   * @param services how many services have records from both
   */
  public record SourcePair(String a, String b, int services) {
  }

  /**
   * What happened to records in one week.
   *
   * @param weekStarting the Monday the week starts on (UTC)
   * @param added records read for the first time
   * @param changed records whose content changed
   * @param withdrawn records a feed no longer listed
   * @param returned withdrawn records listed again
   */
  public record WeekCount(LocalDate weekStarting, int added, int changed, int withdrawn, int returned) {
  }
}
