package io.github.oruk.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.diagnostic.Severity;
import io.github.oruk.model.json.NumberRange;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.validation.quality.QualityTally;
import io.github.oruk.validation.rule.DocumentContext;
import io.github.oruk.validation.rule.DocumentRule;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One validation in progress: documents are checked into it one by one, and {@link #finish()} turns what
 * it gathered into a {@link ValidationReport}. Made by {@link Validator#start(String, String)}; the
 * live-feed checker uses it to add its own findings and endpoint results. Thread-safe: documents may be
 * checked from several threads at once (the rules run outside any lock; what they find is merged under the
 * run's monitor, which is also the lock to hold while reading {@link #findings()}).
 */
public final class ValidationRun {

  /** Findings beyond this many are counted but not kept, so a hopeless feed cannot exhaust memory. */
  static final int FINDING_LIMIT = 100_000;

  private final Validator validator;
  private final String target;
  private final String kind;
  private final Clock clock;
  private final Instant started;
  private final List<Finding> findings = new ArrayList<>();
  private final List<NotChecked> notChecked = new ArrayList<>();
  private final List<EndpointResult> endpoints = new ArrayList<>();
  private final QualityTally quality;
  /** Services, organizations and service-at-locations by id, named as the run saw them (for reports). */
  private final Map<String, RecordName> names = new HashMap<>();
  /**
   * Where the finding about each record's content sits in {@link #findings}, and how near the top its copy was,
   * so that a service seen in several places (its own answer, a list page, nested in its organization and in
   * each service-at-location, twice in a file) is told about once, at its fullest copy (see {@link Pending}).
   */
  private final Map<String, int[]> aboutContent = new HashMap<>();
  private int documents;
  private int records;
  private int dropped;
  private volatile boolean scoreNested = true;

  ValidationRun(Validator validator, String target, String kind, Clock clock) {
    this.validator = validator;
    this.target = target;
    this.kind = kind;
    this.clock = clock;
    this.started = clock.instant();
    this.quality = new QualityTally(validator.richness(), validator.settings().today());
  }

  /**
   * Whether services nested in other records (an organization's services, a service-at-location's service)
   * are scored for quality when no whole copy of them is (default true). Either way each service is counted
   * once, by id, on its whole copy when there is one (see {@link QualityTally}). A live-feed check turns
   * this off: it reads each service whole from {@code /services/{id}}, and a nested copy leaves out what its
   * parent already says, so the services it did not look up are left out of quality rather than scored on a
   * partial copy. Their documents are still checked by every rule.
   */
  public void scoreNestedServices(boolean score) {
    this.scoreNested = score;
  }

  /**
   * Checks one document with every enabled document and record rule.
   *
   * @param document the document as sent
   * @param type the record type it holds (for a page, the type of its items)
   * @param page whether it is a page of a list endpoint
   * @param url where it came from (endpoint URL or file name)
   * @param critical whether the official validator fails a feed when this document breaks its schema
   *     ({@code /} and {@code /services/{id}}): decides severities in parity mode
   */
  public void checkDocument(JsonNode document, RecordType type, boolean page, String url, boolean critical) {
    checkDocument(document, type, page, url, critical, true);
  }

  /**
   * As {@link #checkDocument(JsonNode, RecordType, boolean, String, boolean)}; with {@code quality} false the
   * data-quality rules and the richness tally skip it. A live feed's list pages are checked that way: their
   * items leave out nested records by design, and the same services are judged on their by-id answers.
   */
  public void checkDocument(JsonNode document, RecordType type, boolean page, String url, boolean critical,
      boolean quality) {
    merge(inspect(List.of(), document, type, page, url, critical, quality));
  }

  /**
   * What the reader noticed in a document and what every rule finds in it, worked out without the run's lock, so
   * that documents can be inspected on several threads and {@linkplain #merge merged} in the order they came
   * (the findings, and which are kept past the limit, are then the same as one thread's). Arguments as for
   * {@link #readFindings} and {@link #checkDocument(JsonNode, RecordType, boolean, String, boolean, boolean)}.
   */
  Checked inspect(List<ReadFinding> read, JsonNode document, RecordType type, boolean page, String url,
      boolean critical, boolean quality) {
    Checked checked = new Checked(quality);
    readPending(read, document, type, page, url, critical, checked.pending);
    Collector collector = new Collector(url, critical, document, type, page, checked.pending);
    DocumentContext context = new DocumentContext(document, type, page, validator.payload(), validator.settings());
    for (DocumentRule rule : validator.documentRules()) {
      rule.check(context, collector);
    }
    if (page) {
      JsonNode contents = document.path("contents");
      for (int i = 0; i < contents.size(); i++) {
        checkRecord(type, contents.get(i), "/contents/" + i, url, critical, checked);
      }
    } else if (type != RecordType.API_DETAILS) {
      checkRecord(type, document, "", url, critical, checked);
    }
    return checked;
  }

  /** Adds an inspected document to the run: its findings, counts, quality and names. */
  synchronized void merge(Checked checked) {
    documents++;
    records += checked.records;
    checked.pending.forEach(this::keep);
    checked.services.forEach(quality::add);
    checked.names.forEach(this::remember);
  }

  /** What the rules found in one document, gathered without a lock and merged into the run at the end. */
  static final class Checked {
    final boolean quality;
    final List<Pending> pending = new ArrayList<>();
    /** The services to count in the quality tally, scored where the document was inspected. */
    final List<QualityTally.Scored> services = new ArrayList<>();
    final List<RecordName> names = new ArrayList<>();
    int records;

    Checked(boolean quality) {
      this.quality = quality;
    }
  }

  private void checkRecord(RecordType type, JsonNode record, String pointer, String url, boolean critical,
      Checked checked) {
    if (!record.isObject()) {
      return;
    }
    Collector collector = new Collector(url, critical, null, type, false, checked.pending);
    collector.inPage = pointer.startsWith("/contents/");
    RecordTree.walk(type, record, pointer, null, null, validator.settings(), context -> {
      checked.records++;
      RecordName named = RecordName.of(context);
      if (named != null) {
        checked.names.add(named);
      }
      if (checked.quality && context.type() == RecordType.SERVICE && (scoreNested || context.parent() == null)) {
        checked.services.add(quality.score(context.json(), context.parent() == null));
      }
      collector.recordId = RecordTree.owner(context);
      collector.record = context;
      for (RecordRule rule : validator.recordRules(context.type(), checked.quality)) {
        rule.check(context, collector);
      }
    });
  }

  /**
   * Adds what the JSON reader noticed while parsing a document ({@code OrukJson.readTree}): a record it had to
   * leave out of a page (ORUK-JSON-001, as a document that cannot be read), a property name sent twice
   * (ORUK-JSON-003), a number out of range (ORUK-NUMBER-001; the official validator reads it as a double,
   * infinity or 0, and passes it, so parity makes it a warning), and other quirks such as a byte order mark
   * (ORUK-JSON-002). Arguments as for
   * {@link #checkDocument(JsonNode, RecordType, boolean, String, boolean)}.
   */
  public void readFindings(List<ReadFinding> read, JsonNode document, RecordType type, boolean page, String url,
      boolean critical) {
    if (read.isEmpty()) {
      return;
    }
    List<Pending> pending = new ArrayList<>();
    readPending(read, document, type, page, url, critical, pending);
    synchronized (this) {
      pending.forEach(this::keep);
    }
  }

  private void readPending(List<ReadFinding> read, JsonNode document, RecordType type, boolean page, String url,
      boolean critical, List<Pending> pending) {
    if (read.isEmpty()) {
      return;
    }
    Collector collector = new Collector(url, critical, document, type, page, pending);
    for (ReadFinding finding : read) {
      switch (finding.code()) {
        case RECORD_LEFT_OUT -> {
          // As a document that cannot be read: with the profile's severity, never one of parity's critical ones.
          if (validator.profile().enabled(Validator.NOT_JSON)) {
            pending.add(new Pending(finding(Validator.NOT_JSON, url, finding.pointer(), finding.recordId(),
                finding.message(), null, false), null, 0));
          }
        }
        case DUPLICATE_KEY -> collector.add(Validator.DUPLICATE_KEY, finding.pointer(), finding.message(), null);
        case NUMBER_OUT_OF_RANGE -> {
          // A later duplicate of the property may have replaced the number in the tree: then nothing is observed.
          JsonNode number = document.at(finding.pointer());
          boolean there = number.isNumber() && !NumberRange.contains(number.decimalValue());
          collector.add(Validator.NUMBER_RANGE, finding.pointer(), finding.message(), there ? number.asText() : "");
        }
        default -> collector.add(Validator.READ_QUIRK, finding.pointer(), finding.message(), null);
      }
    }
  }

  /** Adds a finding made outside the rules (feed checks), applying the profile's severity. */
  @SuppressWarnings("NullAway") // Finding turns a null record id into ""
  public synchronized void add(RuleInfo rule, String url, String pointer, @Nullable String recordId, @Nullable String message,
      @Nullable String observed, boolean failsInParity) {
    if (!validator.profile().enabled(rule)) {
      return;
    }
    keep(finding(rule, url, pointer, recordId, message, observed, failsInParity));
  }

  @SuppressWarnings("NullAway") // Finding turns a null record id into ""
  private Finding finding(RuleInfo rule, String url, String pointer, @Nullable String recordId,
      @Nullable String message, @Nullable String observed, boolean failsInParity) {
    return new Finding(rule.code(), validator.profile().severity(rule, failsInParity), rule.category(), message, url,
        pointer, recordId, observed, rule.fix());
  }

  /** Records that something was not checked, and why. */
  public synchronized void notChecked(String what, String because) {
    notChecked.add(new NotChecked(what, because));
  }

  /** Records how an endpoint of a live feed did. */
  public synchronized void endpoint(EndpointResult result) {
    endpoints.add(result);
  }

  /** The findings so far (live view; for feed checks that look back at what was found). */
  public synchronized List<Finding> findings() {
    return findings;
  }

  /** Counts a document that was fetched but could not be checked as JSON (its failure is a finding). */
  public synchronized void countDocument() {
    documents++;
  }

  /** The report: the verdict follows from the findings' severities. */
  public synchronized ValidationReport finish() {
    if (dropped > 0) {
      notChecked(dropped + " further findings", "only the first " + FINDING_LIMIT + " findings are kept");
    }
    Verdict verdict = Verdict.PASS;
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        verdict = Verdict.FAIL;
        break;
      }
      if (finding.severity() == Severity.WARNING) {
        verdict = Verdict.PASS_WITH_WARNINGS;
      }
    }
    return new ValidationReport(target, kind, validator.profile().name(), verdict, started,
        Duration.between(started, clock.instant()), documents, records, findings, notChecked, endpoints,
        quality.summary(), validator.checks(), namesOfFindings());
  }

  private void remember(RecordName name) {
    if (names.size() < FINDING_LIMIT || names.containsKey(name.id())) {
      names.merge(name.id(), name, RecordName::merge);
    }
  }

  /** The names of the records findings concern, each with its organization's name where the run saw it. */
  private Map<String, RecordName> namesOfFindings() {
    Map<String, RecordName> named = new HashMap<>();
    for (Finding finding : findings) {
      RecordName name = names.get(finding.recordId());
      if (name != null && !named.containsKey(name.id())) {
        RecordName organization = names.get(name.organizationId());
        named.put(name.id(), organization == null ? name : name.merge(new RecordName(name.id(), name.type(), "",
            organization.id(), organization.name())));
      }
    }
    return named;
  }

  private void keep(Finding finding) {
    if (findings.size() < FINDING_LIMIT) {
      findings.add(finding);
    } else {
      dropped++;
    }
  }

  private void keep(Pending pending) {
    if (pending.about() == null) {
      keep(pending.finding());
      return;
    }
    int[] seen = aboutContent.get(pending.about());
    if (seen == null) {
      if (findings.size() < FINDING_LIMIT) {
        aboutContent.put(pending.about(), new int[] {findings.size(), pending.depth()});
      }
      keep(pending.finding());
    } else if (pending.depth() < seen[1]) {
      findings.set(seen[0], pending.finding());
      seen[1] = pending.depth();
    }
  }

  /**
   * A finding on its way into the run. Findings about a record's content (data quality and notes for
   * consumers) carry what they are about, {@code about}: the check, the record's type and id, the pointer
   * inside the record and the value seen. The same record seen again gives the same {@code about}, and the run
   * keeps one finding for it: the one from the copy nearest the top ({@code depth}: a record of its own
   * document before a page item, before a copy nested in another record). Conformance findings are about the
   * document that carried them, and each is kept.
   */
  private record Pending(Finding finding, @Nullable String about, int depth) {
  }

  /** Turns what rules report into findings for one document or record. */
  private final class Collector implements Reporter {
    private final String url;
    private final boolean critical;
    private final @Nullable JsonNode document;
    private final RecordType type;
    private final boolean page;
    private final List<Pending> sink;
    /** Without a document: the id of the record the rules are looking at now (see {@link RecordTree#owner}). */
    String recordId = "";
    /** Without a document: the record the rules are looking at now, and whether it is an item of a page. */
    @Nullable RecordContext record;
    boolean inPage;

    /** With a document, the record id of each finding is worked out from its pointer. */
    Collector(String url, boolean critical, @Nullable JsonNode document, RecordType type, boolean page, List<Pending> sink) {
      this.sink = sink;
      this.url = url;
      this.critical = critical;
      this.document = document;
      this.type = type;
      this.page = page;
    }

    private String recordId(String pointer) {
      if (document == null) {
        return recordId;
      }
      return RecordTree.owner(type, page, document, pointer);
    }

    @Override
    public void add(RuleInfo rule, String pointer, String message, @Nullable String observed) {
      if (!validator.profile().enabled(rule)) {
        return;
      }
      boolean failsInParity = critical && rule.category() == Category.CONFORMANCE
          && validator.parityCritical().contains(rule.code());
      Finding finding = new Finding(rule.code(), validator.profile().severity(rule, failsInParity), rule.category(),
          message, url, pointer, recordId(pointer), observed, rule.fix());
      sink.add(aboutContent(finding));
    }

    private Pending aboutContent(Finding finding) {
      if (record == null || record.id().isEmpty() || finding.category() == Category.CONFORMANCE
          || !finding.pointer().startsWith(record.pointer())) {
        return new Pending(finding, null, 0);
      }
      int depth = inPage ? 1 : 0;
      for (RecordContext up = record.parent(); up != null; up = up.parent()) {
        depth += 2;
      }
      String about = String.join("\u0000", finding.code(), record.type().name(), record.id(),
          finding.pointer().substring(record.pointer().length()), String.valueOf(finding.observed()));
      return new Pending(finding, about, depth);
    }
  }
}
