package io.github.oruk.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.document.DocumentReader;
import io.github.oruk.model.document.Shape;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadMode;
import io.github.oruk.validation.payload.PayloadValidator;
import io.github.oruk.validation.profile.Profile;
import io.github.oruk.validation.quality.Richness;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.FeedRule;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Rule;
import io.github.oruk.validation.rule.RuleInfo;
import io.github.oruk.validation.rule.RuleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * The ORUK compliance and data-quality engine for documents: a record or a page, or an NDJSON file of
 * services. Live feeds are checked by {@code FeedValidator}, which builds on this.
 *
 * <pre>{@code
 * Validator validator = Validator.builder().profile(Profile.strict()).build();
 * ValidationReport report = validator.validateDocument(bytes, "service.json");
 * report.verdict();      // PASS, PASS_WITH_WARNINGS or FAIL
 * report.findings();     // every finding, with code, severity, pointer and how to fix it
 * }</pre>
 *
 * <p>Rules are discovered with {@link ServiceLoader} ({@link Rule}); instances are immutable and
 * thread-safe, and each validation gets its own {@link ValidationRun}.
 */
public final class Validator {

  /** Rule codes that fail a feed in parity mode when they concern {@code /} or {@code /services/{id}}. */
  private static final Set<String> PARITY_CRITICAL = Set.of("ORUK-SCHEMA-001", "ORUK-JSON-001");

  // Title, default severity and fix of each: the code registry (io.github.oruk.model.diagnostic.DiagnosticCodes).
  static final RuleInfo NOT_JSON = RuleInfo.registered("ORUK-JSON-001", Category.CONFORMANCE, Set.of());
  static final RuleInfo READ_QUIRK = RuleInfo.registered("ORUK-JSON-002", Category.CONFORMANCE, Set.of());
  static final RuleInfo NUMBER_RANGE = RuleInfo.registered("ORUK-NUMBER-001", Category.CONFORMANCE, Set.of());
  /**
   * A name sent twice in one object. An error: which value counts depends on the consumer's parser. The
   * official validator parses with a library that keeps the last value without a word, so parity never fails a
   * feed for it (a warning there).
   */
  static final RuleInfo DUPLICATE_KEY = RuleInfo.registered("ORUK-JSON-003", Category.CONFORMANCE, Set.of());
  private static final RuleInfo LEGACY = RuleInfo.registered("ORUK-VERSION-001", Category.CONFORMANCE, Set.of());
  private static final RuleInfo DUPLICATE_LINE = RuleInfo.registered("ORUK-ID-002", Category.CONFORMANCE,
      Set.of(RecordType.SERVICE));

  private final Profile profile;
  private final OrukJson json;
  private final Clock clock;
  private final RuleSettings settings;
  private final Richness richness;
  private final PayloadValidator payload;
  private final List<RecordRule> recordRules;
  private final Map<RecordType, List<RecordRule>> rulesByType;
  private final Map<RecordType, List<RecordRule>> conformanceRulesByType;
  private final List<DocumentRule> documentRules;
  private final List<Rule> rules;
  private final List<RuleInfo> extraChecks = new ArrayList<>();

  private Validator(Validator other) {
    this.profile = other.profile;
    this.json = other.json;
    this.clock = other.clock;
    this.settings = other.settings;
    this.richness = other.richness;
    this.payload = other.payload;
    this.rules = other.rules;
    this.recordRules = other.recordRules;
    this.rulesByType = other.rulesByType;
    this.conformanceRulesByType = other.conformanceRulesByType;
    this.documentRules = other.documentRules;
    this.extraChecks.addAll(other.extraChecks);
  }

  private Validator(Builder builder) {
    this.profile = builder.profile;
    this.json = builder.json;
    this.clock = builder.clock;
    this.settings = new RuleSettings(LocalDate.now(clock), profile.freshness(), profile.mandatory());
    this.richness = Richness.withWeights(profile.richnessWeights());
    this.payload = builder.payload != null ? builder.payload : PayloadValidator.of(profile.schemaVariant());
    List<Rule> all = builder.rules != null ? builder.rules : discover();
    Map<String, Rule> byCode = new LinkedHashMap<>();
    for (Rule rule : all) {
      Rule clash = byCode.put(rule.info().code(), rule);
      if (clash != null && clash.getClass() != rule.getClass()) {
        throw new IllegalStateException("two rules share the code " + rule.info().code() + ": "
            + clash.getClass().getName() + " and " + rule.getClass().getName());
      }
    }
    this.rules = List.copyOf(byCode.values());
    this.recordRules = rules.stream().filter(RecordRule.class::isInstance).map(RecordRule.class::cast).toList();
    this.rulesByType = byType(recordRules, true);
    this.conformanceRulesByType = byType(recordRules, false);
    this.documentRules = rules.stream().filter(DocumentRule.class::isInstance).map(DocumentRule.class::cast).toList();
  }

  /** A validator with the strict profile, the built-in rules and any discovered ones. */
  public static Validator strict() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every rule discovered on the class path. */
  public static List<Rule> discover() {
    List<Rule> found = new ArrayList<>();
    ServiceLoader.load(Rule.class, Validator.class.getClassLoader()).forEach(found::add);
    return found;
  }

  /** The rules this validator runs (before the profile disables any). */
  public List<Rule> rules() {
    return rules;
  }

  public Profile profile() {
    return profile;
  }

  /** The codec documents are parsed with: lenient, with the limits the builder was given. */
  public OrukJson json() {
    return json;
  }

  /** Starts a validation that documents and findings are added to one by one. */
  public ValidationRun start(String target, String kind) {
    return new ValidationRun(this, target, kind, clock);
  }

  /**
   * Validates one document: a record of any type, a page of a list endpoint, or {@code /} details. Its kind
   * is worked out from its content. A document that is not JSON fails with a finding, not an exception.
   */
  public ValidationReport validateDocument(byte[] json, String source) {
    ValidationRun run = start(source, "document");
    List<ReadFinding> quirks = new ArrayList<>();
    JsonNode tree = parse(json, source, run, quirks);
    if (tree != null) {
      Shape shape = DocumentReader.detect(tree);
      run.readFindings(quirks, tree, shape.type(), shape.page(), source, !shape.page());
      if (shape.legacyV1()) {
        run.countDocument();
        run.add(LEGACY, source, "", "", "this is a legacy ORUK v1 document (" + shape.reason() + "), not ORUK 3.0.",
            null, false);
        run.notChecked("ORUK 3.0 rules on " + source, "it is a legacy ORUK v1 document");
      } else {
        run.checkDocument(tree, shape.type(), shape.page(), source, !shape.page());
      }
    }
    return run.finish();
  }

  /**
   * Validates an NDJSON file of services: every line is a service, checked as {@code /services/{id}}
   * answers would be; a service id used on two lines is reported too. Lines are checked on up to four threads
   * (no more than the machine's processors), in batches, and merged into the report in the file's order, so the
   * report is the same as one thread's would be.
   *
   * @throws IOException when the stream fails
   */
  public ValidationReport validateNdjson(InputStream ndjson, String source) throws IOException {
    ValidationRun run = start(source, "ndjson");
    Map<String, Integer> firstLine = new HashMap<>();
    ByteLines reader = new ByteLines(ndjson);
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), NDJSON_THREADS);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, NdjsonLine::thread) : null;
    // Batches in flight, oldest first: they are merged in the file's order, whichever thread finishes first.
    ArrayDeque<Future<List<NdjsonLine>>> inFlight = new ArrayDeque<>();
    try {
      int number = 0;
      List<NdjsonLine> batch = new ArrayList<>(NDJSON_BATCH);
      for (byte[] line = reader.next(); line != null; line = reader.next()) {
        number++;
        if (!ByteLines.blank(line)) {
          batch.add(new NdjsonLine(number, line, reader.lastAscii()));
        }
        if (batch.size() == NDJSON_BATCH) {
          submit(batch, run, source, pool, inFlight);
          batch = new ArrayList<>(NDJSON_BATCH);
          while (inFlight.size() > 4 * threads) {
            mergeOldest(inFlight, run, firstLine);
          }
        }
      }
      submit(batch, run, source, pool, inFlight);
      while (!inFlight.isEmpty()) {
        mergeOldest(inFlight, run, firstLine);
      }
      if (number == 0) {
        run.notChecked(source, "it is empty: there were no services to check");
      }
      return run.finish();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** At most this many threads check the lines of an NDJSON file (fewer on a machine with fewer processors). */
  private static final int NDJSON_THREADS = 4;
  /** Lines handed to a thread at once: enough to make the hand-over cheap, few enough to keep memory flat. */
  private static final int NDJSON_BATCH = 64;

  /** Inspects a batch of lines on the pool, or here when there is none. */
  private void submit(List<NdjsonLine> batch, ValidationRun run, String source, @Nullable ExecutorService pool,
      ArrayDeque<Future<List<NdjsonLine>>> inFlight) {
    if (batch.isEmpty()) {
      return;
    }
    Callable<List<NdjsonLine>> work = () -> {
      for (NdjsonLine line : batch) {
        line.inspect(this, run, source);
      }
      return batch;
    };
    if (pool != null) {
      inFlight.add(pool.submit(work));
    } else {
      FutureTask<List<NdjsonLine>> here = new FutureTask<>(work);
      here.run();
      inFlight.add(here);
    }
  }

  /** Merges the oldest batch into the run, line by line, and checks its ids against those of earlier lines. */
  private static void mergeOldest(ArrayDeque<Future<List<NdjsonLine>>> inFlight, ValidationRun run,
      Map<String, Integer> firstLine) throws IOException {
    List<NdjsonLine> lines;
    try {
      lines = inFlight.removeFirst().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking the lines of an NDJSON file");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    for (NdjsonLine line : lines) {
      line.merge(run, firstLine);
    }
  }

  /** One line of an NDJSON file: read and checked on a pool thread, then merged in order. */
  private static final class NdjsonLine {
    private final int number;
    private byte @Nullable [] text;
    private final boolean ascii;
    private @Nullable String where;
    private ValidationRun.@Nullable Checked checked;
    private @Nullable OrukReadException notJson;
    private String id = "";

    NdjsonLine(int number, byte[] text, boolean ascii) {
      this.number = number;
      this.text = text;
      this.ascii = ascii;
    }

    static Thread thread(Runnable work) {
      Thread thread = new Thread(work, "oruk-validate-ndjson");
      thread.setDaemon(true);
      return thread;
    }

    void inspect(Validator validator, ValidationRun run, String source) {
      where = source + ":" + number;
      List<ReadFinding> quirks = new ArrayList<>();
      try {
        byte[] line = Objects.requireNonNull(text);
        JsonNode tree = validator.json.readTree(ascii ? line : ByteLines.asText(line), quirks);
        checked = run.inspect(quirks, tree, RecordType.SERVICE, false, where, true, true);
        id = tree.path("id").asText("");
      } catch (OrukReadException e) {
        notJson = e;
      }
      text = null; // the tree and the line are not needed past here
    }

    void merge(ValidationRun run, Map<String, Integer> firstLine) {
      String at = Objects.requireNonNull(where);
      if (notJson != null) {
        run.countDocument();
        run.add(NOT_JSON, at, notJson.pointer(), "", notJson.getMessage(), null, true);
        return;
      }
      run.merge(Objects.requireNonNull(checked));
      if (!id.isEmpty()) {
        Integer earlier = firstLine.putIfAbsent(id, number);
        if (earlier != null) {
          run.add(DUPLICATE_LINE, at, "/id", id, "service id '" + id + "' was already used on line " + earlier
              + "; each service must have its own id and appear once.", id, true);
        }
      }
    }
  }

  /** The document's tree, with what the reader noticed added to {@code quirks}; null when it is not JSON. */
  private @Nullable JsonNode parse(byte[] bytes, String source, ValidationRun run, List<ReadFinding> quirks) {
    try {
      return json.readTree(bytes, quirks);
    } catch (OrukReadException e) {
      run.countDocument();
      run.add(NOT_JSON, source, e.pointer(), "", e.getMessage(), null, true);
      return null;
    }
  }

  // For ValidationRun.
  RuleSettings settings() {
    return settings;
  }

  Richness richness() {
    return richness;
  }

  PayloadValidator payload() {
    return payload;
  }

  List<RecordRule> recordRules() {
    return recordRules;
  }

  /**
   * The record rules that look at records of {@code type}, in their order, without the data-quality ones unless
   * {@code quality}: worked out once, not for every record.
   */
  List<RecordRule> recordRules(RecordType type, boolean quality) {
    return (quality ? rulesByType : conformanceRulesByType).getOrDefault(type, List.of()); // every type is a key
  }

  private static Map<RecordType, List<RecordRule>> byType(List<RecordRule> rules, boolean quality) {
    Map<RecordType, List<RecordRule>> byType = new EnumMap<>(RecordType.class);
    for (RecordType type : RecordType.values()) {
      byType.put(type, rules.stream()
          .filter(rule -> quality || rule.info().category() != Category.DATA_QUALITY)
          .filter(rule -> rule.info().targets().isEmpty() || rule.info().targets().contains(type))
          .toList());
    }
    return byType;
  }

  List<DocumentRule> documentRules() {
    return documentRules;
  }

  Set<String> parityCritical() {
    return PARITY_CRITICAL;
  }

  /** Every enabled check: the rules' codes plus the engine's own, in a stable order. */
  List<RuleInfo> checks() {
    List<RuleInfo> checks = new ArrayList<>(List.of(NOT_JSON, READ_QUIRK, DUPLICATE_KEY, NUMBER_RANGE, LEGACY,
        DUPLICATE_LINE));
    checks.addAll(extraChecks);
    // A feed rule's checks are listed by the live-feed check that runs them (withChecks), not for files.
    rules.stream().filter(rule -> !(rule instanceof FeedRule)).forEach(rule -> checks.addAll(rule.infos()));
    return checks.stream().filter(profile::enabled).distinct().toList();
  }

  /** Lets the live-feed checker list its checks in reports too. */
  public Validator withChecks(List<RuleInfo> more) {
    Validator copy = new Validator(this);
    copy.extraChecks.addAll(more);
    return copy;
  }

  /** Options for a {@link Validator}. */
  public static final class Builder {
    private Profile profile = Profile.strict();
    private OrukJson json = OrukJson.lenient();
    private Clock clock = Clock.systemDefaultZone();
    private @Nullable List<Rule> rules;
    private @Nullable PayloadValidator payload;

    private Builder() {
    }

    /** The profile (default {@link Profile#strict()}). */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * The codec documents are parsed with (default {@link OrukJson#lenient()}): its limits apply, to files and
     * to a live feed's answers ({@link OrukJson.Builder#maxDocumentBytes maxDocumentBytes},
     * {@link OrukJson.Builder#maxNestingDepth maxNestingDepth}, {@link OrukJson.Builder#maxStringLength
     * maxStringLength}). Documents are always read leniently, whatever the codec's mode: a validator reports
     * what a strict reader would refuse.
     */
    public Builder json(OrukJson json) {
      this.json = Objects.requireNonNull(json, "json").mode() == ReadMode.LENIENT ? json
          : json.toBuilder().mode(ReadMode.LENIENT).build();
      return this;
    }

    /** The clock freshness is measured by (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The rules to run instead of the discovered ones. */
    public Builder rules(List<? extends Rule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /** A different schema checker (for example a faster one compiled from the spec). */
    public Builder payloadValidator(PayloadValidator payload) {
      this.payload = Objects.requireNonNull(payload, "payload");
      return this;
    }

    public Validator build() {
      return new Validator(this);
    }
  }
}
