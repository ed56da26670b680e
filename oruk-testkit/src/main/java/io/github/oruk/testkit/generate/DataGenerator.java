package io.github.oruk.testkit.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.json.OrukJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Makes realistic ORUK 3.0 services for tests and benchmarks: seeded, deterministic, and optionally with
 * real-world feed {@link Quirk quirks} injected into their JSON.
 *
 * <pre>{@code
 * DataGenerator generator = DataGenerator.builder().seed(42).build();
 * List<Service> services = generator.services(100).toList();   // the same 100 services every time
 * try (OutputStream out = Files.newOutputStream(Path.of("services.ndjson"))) {
 *   generator.writeNdjson(10_000, out);                        // one canonical service per line
 * }
 * }</pre>
 *
 * <p>Service number k depends only on the seed and k: generating 100 services gives the first 100 of
 * 1000. Dates are relative to a {@link #referenceDate() reference date}: the {@link Builder#asOf(LocalDate)
 * as-of date} when one is given, else a day derived from the seed. Never the clock, so output is
 * byte-for-byte repeatable. Each service is fully nested: its organization (shared
 * with neighbouring services), one to three locations in real UK towns, schedules, contacts, costs,
 * service areas, languages, funding and attributes whose terms come from a {@link #sampleTaxonomy()
 * sample vocabulary} written for this project.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DataGenerator {

  /** The fixed prefix of every reference date: a seed picks a day in the two years from here. */
  private static final LocalDate REFERENCE_EPOCH = LocalDate.of(2024, 1, 1);
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Reads and writes trees without changing numbers: {@code 2.50} stays {@code 2.50}. */
  private static final ObjectMapper TREES = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private final long seed;
  private final @Nullable LocalDate asOf;
  private final Set<Quirk> quirks;
  private final Set<Quirk> recordQuirks;
  private final double quirkRate;
  private final LocalDate referenceDate;
  private final ServiceFactory factory;
  private final QuirkInjector injector;
  private final OrukJson json = OrukJson.lenient();

  private DataGenerator(Builder builder) {
    this.seed = builder.seed;
    this.asOf = builder.asOf;
    this.quirks = Collections.unmodifiableSet(EnumSet.copyOf(builder.quirks));
    EnumSet<Quirk> perRecord = EnumSet.copyOf(builder.quirks);
    perRecord.remove(Quirk.BYTE_ORDER_MARK);
    this.recordQuirks = Collections.unmodifiableSet(perRecord);
    this.quirkRate = builder.quirkRate;
    this.referenceDate = asOf != null ? asOf
        : REFERENCE_EPOCH.plusDays(Math.floorMod(Seeds.mix(seed + Seeds.REFERENCE_DATE), 731));
    this.factory = new ServiceFactory(seed, referenceDate);
    this.injector = new QuirkInjector(referenceDate);
  }

  /** A builder with the defaults: seed 1, no quirks, quirk rate 0.25, the reference date derived from the seed. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this generator's settings. */
  public Builder toBuilder() {
    return new Builder().seed(seed).asOf(asOf).quirks(quirks).quirkRate(quirkRate);
  }

  /** The seed everything is derived from. */
  public long seed() {
    return seed;
  }

  /** The quirks configured for {@link #writeNdjson(int, OutputStream)}; unmodifiable. */
  public Set<Quirk> quirks() {
    return quirks;
  }

  /** The share of services, from 0 to 1, that receive the configured quirks. */
  public double quirkRate() {
    return quirkRate;
  }

  /**
   * The "today" of the generated data: the {@link Builder#asOf(LocalDate) as-of date}, or else a day in
   * 2024 or 2025 derived from the seed. Every service is assured (if at all) and last modified within the
   * two months before it, never on or after it, so the data meets the ORUK guidance of assurance within
   * three months for at least a month after this date; schedule and cost dates are placed around it.
   */
  public LocalDate referenceDate() {
    return referenceDate;
  }

  /**
   * Service number {@code index} (from 0): always the same for the same seed, whatever else is generated.
   * Each call returns a new object, which the caller may change.
   */
  public Service service(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative; got " + index);
    }
    return factory.service(index);
  }

  /** The first {@code count} services, lazily, in order; see {@link #service(int)}. */
  public Stream<Service> services(int count) {
    requireCount(count);
    return IntStream.range(0, count).mapToObj(factory::service);
  }

  /**
   * The record-level quirks service number {@code index} receives in {@link #writeNdjson(int, OutputStream)}:
   * empty for most services; for a share of about {@link #quirkRate()} of them, every configured quirk
   * except {@link Quirk#BYTE_ORDER_MARK} (which is written once per stream). When two configured quirks
   * change the same property ({@link Quirk#UNKNOWN_STATUS} and {@link Quirk#STATUS_WRONG_CASE}), each
   * chosen service gets one of them.
   */
  public Set<Quirk> quirksFor(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative; got " + index);
    }
    if (recordQuirks.isEmpty()) {
      return Set.of();
    }
    SplittableRandom random = Seeds.random(seed, Seeds.QUIRK_CHOICE, index);
    if (random.nextDouble() >= quirkRate) {
      return Set.of();
    }
    EnumSet<Quirk> chosen = EnumSet.copyOf(recordQuirks);
    for (Quirk quirk : recordQuirks) {
      for (Quirk other : recordQuirks) {
        if (quirk.ordinal() < other.ordinal() && quirk.conflictsWith(other)
            && chosen.contains(quirk) && chosen.contains(other)) {
          chosen.remove(random.nextBoolean() ? quirk : other);
        }
      }
    }
    return Collections.unmodifiableSet(chosen);
  }

  /** The JSON of service number {@code index} exactly as it appears on its NDJSON line (without the line end). */
  public byte[] serviceJson(int index) {
    return quirkyJson(service(index), quirksFor(index));
  }

  /**
   * Writes the first {@code count} services as NDJSON: one service per line in canonical JSON (UTF-8,
   * {@code '\n'} after each line), with the configured quirks injected into the chosen services (see
   * {@link #quirksFor(int)}). With {@link Quirk#BYTE_ORDER_MARK} configured, the stream starts with a byte
   * order mark. The same seed and options always give the same bytes. The stream is flushed, not closed.
   *
   * @throws IOException when writing to {@code out} fails
   */
  public void writeNdjson(int count, OutputStream out) throws IOException {
    requireCount(count);
    Objects.requireNonNull(out, "out");
    // Not closed on purpose: closing it would close the caller's stream.
    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    if (count > 0 && quirks.contains(Quirk.BYTE_ORDER_MARK)) {
      buffered.write(BYTE_ORDER_MARK);
    }
    for (int index = 0; index < count; index++) {
      buffered.write(serviceJson(index));
      buffered.write('\n');
    }
    buffered.flush();
  }

  /**
   * The canonical JSON of {@code service} with {@code quirks} injected, for testing a reader against one
   * quirk at a time. With no quirks it is exactly {@code OrukJson.lenient().write(service)}. Random values
   * a quirk needs (an unknown status word, a legacy id) are derived from the seed and the service's id.
   *
   * @throws IllegalArgumentException when two of the quirks change the same property, or the service
   *     lacks what a quirk needs (a location, for {@link Quirk#EXTERNAL_IDENTIFIER_AS_NUMBER})
   */
  public byte[] quirkyJson(Service service, Set<Quirk> quirks) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(quirks, "quirks");
    for (Quirk quirk : quirks) {
      for (Quirk other : quirks) {
        if (quirk.conflictsWith(other)) {
          throw new IllegalArgumentException(quirk + " and " + other + " both change " + quirk.pointer()
              + "; a service can carry only one of them.");
        }
      }
    }
    byte[] canonical = json.write(service);
    if (quirks.isEmpty()) {
      return canonical;
    }
    byte[] body = canonical;
    if (!(quirks.size() == 1 && quirks.contains(Quirk.BYTE_ORDER_MARK))) {
      try {
        JsonNode tree = TREES.readTree(canonical);
        String id = service.getId() == null ? "" : service.getId();
        SplittableRandom random = Seeds.random(seed, Seeds.INJECTION, id.hashCode());
        injector.apply((ObjectNode) tree, EnumSet.copyOf(quirks), random);
        body = TREES.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException("could not re-read the service's own JSON", e);
      }
    }
    if (!quirks.contains(Quirk.BYTE_ORDER_MARK)) {
      return body;
    }
    byte[] withMark = new byte[BYTE_ORDER_MARK.length + body.length];
    System.arraycopy(BYTE_ORDER_MARK, 0, withMark, 0, BYTE_ORDER_MARK.length);
    System.arraycopy(body, 0, withMark, BYTE_ORDER_MARK.length, body.length);
    return withMark;
  }

  /**
   * The sample service-type vocabulary the generated attributes use, as an ORUK taxonomy with its 30
   * terms (7 categories, each followed by its service types). Written by this project for test data; it
   * is not an official list. Each call returns a new object.
   */
  public Taxonomy sampleTaxonomy() {
    return SampleVocabulary.taxonomy();
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative; got " + count);
    }
  }

  @Override
  public String toString() {
    return "DataGenerator[seed=" + seed + ", referenceDate=" + referenceDate + ", quirks=" + quirks + ", quirkRate=" + quirkRate + "]";
  }

  /** Settings for a {@link DataGenerator}. */
  public static final class Builder {
    private long seed = 1;
    private @Nullable LocalDate asOf;
    private Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    private double quirkRate = 0.25;

    private Builder() {
    }

    /** The seed (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The day the data is generated "as of": its {@link DataGenerator#referenceDate() reference date}, so
     * assured dates and last-modified times fall in the two months before it. Pass today's date for data
     * that a validator judges fresh today ({@code oruk generate} does). {@code null}, the default, derives
     * the date from the seed instead.
     *
     * <p>Why the default is not today: a library generator used in test suites must give the same bytes
     * on every run and every day, or a test comparing output, counting records modified after a date, or
     * pinning a validator's clock would change its answer at midnight. Tests that need "now" pin it: they
     * pass a date here, or measure against {@link DataGenerator#referenceDate()}.
     */
    public Builder asOf(@Nullable LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /** The quirks to inject into a share of the written services (default none). */
    public Builder quirks(Set<Quirk> quirks) {
      Objects.requireNonNull(quirks, "quirks");
      this.quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
      return this;
    }

    /** The share of services, from 0 to 1, that receive the quirks (default 0.25). */
    public Builder quirkRate(double quirkRate) {
      if (!(quirkRate >= 0 && quirkRate <= 1)) {
        throw new IllegalArgumentException("quirkRate must be between 0 and 1; got " + quirkRate);
      }
      this.quirkRate = quirkRate;
      return this;
    }

    public DataGenerator build() {
      return new DataGenerator(this);
    }
  }
}
