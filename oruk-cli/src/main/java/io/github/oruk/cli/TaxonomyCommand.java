package io.github.oruk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.client.OrukClient;
import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import io.github.oruk.taxonomy.SchemeProblem;
import io.github.oruk.taxonomy.SchemeSet;
import io.github.oruk.taxonomy.SchemeStats;
import io.github.oruk.taxonomy.audit.ClassificationAudit;
import io.github.oruk.taxonomy.audit.CoverageAudit;
import io.github.oruk.taxonomy.audit.CoverageReport;
import io.github.oruk.taxonomy.audit.SchemeCoverage;
import io.github.oruk.taxonomy.audit.TermUse;
import io.github.oruk.taxonomy.audit.UnrecognisedTerm;
import io.github.oruk.taxonomy.load.CsvLayout;
import io.github.oruk.taxonomy.load.FeedReader;
import io.github.oruk.taxonomy.load.ServiceFiles;
import io.github.oruk.taxonomy.load.TaxonomyLoadException;
import io.github.oruk.taxonomy.load.TaxonomyLoader;
import io.github.oruk.taxonomy.suggest.Suggestion;
import io.github.oruk.taxonomy.suggest.TypeSuggester;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oruk taxonomy}: look at a taxonomy, suggest service types, audit a feed's tagging. */
@Command(
    name = "taxonomy",
    mixinStandardHelpOptions = true,
    description = {
        "Work with taxonomies: their shape, their tree, service-type suggestions and a feed's tagging.",
        "",
        "A taxonomy is read from a file or URL in any format the SDK loads, worked out from its name and "
            + "content: SKOS JSON-LD, CSV (columns guessed from the header, or named with --columns), the "
            + "LG Inform Plus (esd) JSON list format, an ORUK taxonomy or page of taxonomy terms, or ORUK "
            + "services (NDJSON), whose embedded terms are gathered. No taxonomy data is built in."},
    subcommands = {
        TaxonomyCommand.Stats.class,
        TaxonomyCommand.Show.class,
        TaxonomyCommand.Suggest.class,
        TaxonomyCommand.Coverage.class},
    footer = {"", "Exit codes: 0 success, 1 the work could not be done (the reason is printed), 2 usage error."})
final class TaxonomyCommand implements Runnable {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  private CommandSpec spec;

  /** With no subcommand, show the help. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How to read a taxonomy source; shared by every subcommand. */
  static final class SourceOptions {

    @Option(names = "--columns", paramLabel = "ROLE=COLUMN,...", split = ",",
        description = "CSV only: which columns hold what, e.g. id=Identifier,label=Label,parent=parent_id. Roles: "
            + "id, label, parent, parents (several, '|'-separated), description, synonyms ('|'-separated), "
            + "notation, uri, status, vocabulary. Without it the columns are guessed from the header.")
    Map<String, String> columns;

    @Option(names = "--vocabulary", paramLabel = "PREFIX",
        description = "CSV only: the vocabulary every row belongs to (esdServiceType, dfeServiceCategory, ...), "
            + "which gives the term URIs.")
    String vocabulary;

    @Option(names = "--uri-template", paramLabel = "TEMPLATE",
        description = "CSV only: term URIs, with {id} for the identifier, e.g. https://example.org/types/{id}.")
    String uriTemplate;

    @Option(names = "--max-services", paramLabel = "N",
        description = "Live ORUK feeds: read at most N services (for coverage, or when the feed's terms must be "
            + "gathered from its services because it has no /taxonomy_terms).")
    Long maxServices;

    List<Scheme> load(String source, CommandLine commandLine) throws IOException {
      TaxonomyLoader.Builder loader = TaxonomyLoader.builder().feedReader(ClientFeedReader::of);
      if (maxServices != null) {
        if (maxServices < 1) {
          throw new ParameterException(commandLine, "--max-services must be 1 or more; got " + maxServices);
        }
        loader.maxServices(maxServices);
      }
      CsvLayout layout = layout(commandLine);
      if (layout != null) {
        loader.csvLayout(layout);
      }
      if (source.startsWith("http://") || source.startsWith("https://")) {
        URI url;
        try {
          url = URI.create(source);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(commandLine, "not a URL: " + source);
        }
        return loader.build().loadAll(url);
      }
      return loader.build().loadAll(Path.of(source));
    }

    private CsvLayout layout(CommandLine commandLine) {
      if (columns == null && vocabulary == null && uriTemplate == null) {
        return null;
      }
      Map<String, String> roles = columns == null ? Map.of() : columns;
      for (String role : roles.keySet()) {
        if (!Set.of("id", "label", "parent", "parents", "description", "synonyms", "notation", "uri", "status",
            "vocabulary").contains(role)) {
          throw new ParameterException(commandLine, "unknown --columns role '" + role + "'; expected id, label, "
              + "parent, parents, description, synonyms, notation, uri, status or vocabulary");
        }
      }
      if (!roles.containsKey("id") || !roles.containsKey("label")) {
        throw new ParameterException(commandLine, "--columns needs at least id=COLUMN and label=COLUMN"
            + " (--vocabulary and --uri-template need them too)");
      }
      CsvLayout.Builder layout = CsvLayout.builder(roles.get("id"), roles.get("label"));
      if (roles.containsKey("parent")) {
        layout.parent(roles.get("parent"));
      }
      if (roles.containsKey("parents")) {
        layout.parents(roles.get("parents"), "|");
      }
      if (roles.containsKey("description")) {
        layout.description(roles.get("description"));
      }
      if (roles.containsKey("synonyms")) {
        layout.altLabels(roles.get("synonyms"), "|");
      }
      if (roles.containsKey("notation")) {
        layout.notation(roles.get("notation"));
      }
      if (roles.containsKey("uri")) {
        layout.uri(roles.get("uri"));
      }
      if (roles.containsKey("status")) {
        layout.status(roles.get("status"));
      }
      if (roles.containsKey("vocabulary")) {
        layout.vocabularyColumn(roles.get("vocabulary"));
      }
      if (vocabulary != null) {
        layout.vocabulary(vocabulary);
      }
      if (uriTemplate != null) {
        if (!uriTemplate.contains("{id}")) {
          throw new ParameterException(commandLine, "--uri-template must contain {id}; got " + uriTemplate);
        }
        layout.uriTemplate(uriTemplate);
      }
      return layout.build();
    }
  }

  /** Loads a source, printing why it could not be read; null then. */
  static List<Scheme> loadOrReport(SourceOptions options, String source, CommandSpec spec, String command) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return options.load(source, spec.commandLine());
    } catch (NoSuchFileException e) {
      err.println("oruk taxonomy " + command + ": no such file: " + source);
    } catch (TaxonomyLoadException e) {
      err.println("oruk taxonomy " + command + ": could not read " + e.getMessage());
      if (e.reason() != TaxonomyLoadException.Reason.OTHER) {
        err.println("To read a CSV file whose header the loader does not recognise, name its columns with "
            + "--columns id=COLUMN,label=COLUMN (other roles: see --help).");
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      err.println("oruk taxonomy " + command + ": could not read " + source + ": " + e.getMessage());
    }
    return null;
  }

  static Scheme choose(List<Scheme> schemes, String wanted, CommandSpec spec) {
    if (wanted == null) {
      if (schemes.size() > 1) {
        List<String> others = new ArrayList<>();
        schemes.subList(1, schemes.size()).forEach(scheme -> others.add(scheme.uri()));
        spec.commandLine().getErr().println("note: the source holds " + schemes.size() + " schemes; showing "
            + schemes.get(0).uri() + " (choose another with --scheme: " + String.join(", ", others) + ")");
      }
      return schemes.get(0);
    }
    for (Scheme scheme : schemes) {
      if (scheme.uri().equals(wanted) || scheme.title().equalsIgnoreCase(wanted)) {
        return scheme;
      }
    }
    List<String> known = new ArrayList<>();
    schemes.forEach(scheme -> known.add(scheme.uri()));
    throw new ParameterException(spec.commandLine(), "no scheme '" + wanted + "' in the source; it holds " + known);
  }

  static void printProblems(Scheme scheme, PrintWriter err, int limit) {
    List<SchemeProblem> problems = scheme.problems();
    for (int i = 0; i < problems.size() && i < limit; i++) {
      err.println(problems.get(i).toLine());
    }
    if (problems.size() > limit) {
      err.println("... and " + (problems.size() - limit) + " more problems");
    }
  }

  // ------------------------------------------------------------------------------------------ stats

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = {
          "Print the shape of a taxonomy as JSON.",
          "",
          "concepts, topConcepts (no parent), maxDepth (levels; 1 for a flat list), withSynonyms (concepts with "
              + "alternative labels), polyHierarchy (concepts with more than one parent), then deprecated, the "
              + "count per level, cycles and problems, and the scheme's URI, title, vocabulary and licence. "
              + "Problems found while loading are printed on stderr, one per line: CODE<TAB>concept<TAB>message."})
  static final class Stats implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions options;

    @Parameters(paramLabel = "FILE|URL", description = "The taxonomy.")
    private String source;

    @Option(names = "--scheme", paramLabel = "URI", description = "When the source holds several schemes: which.")
    private String scheme;

    @Override
    public Integer call() throws IOException {
      List<Scheme> schemes = loadOrReport(options, source, spec, "stats");
      if (schemes == null) {
        return 1;
      }
      Scheme chosen = choose(schemes, scheme, spec);
      SchemeStats stats = chosen.stats();
      ObjectNode json = JSON.createObjectNode();
      json.put("concepts", stats.concepts());
      json.put("topConcepts", stats.topConcepts());
      json.put("maxDepth", stats.maxDepth());
      json.put("withSynonyms", stats.withSynonyms());
      json.put("polyHierarchy", stats.polyHierarchy());
      json.put("deprecated", stats.deprecated());
      ArrayNode levels = json.putArray("levels");
      stats.levels().forEach(levels::add);
      json.put("cycles", stats.cycles());
      json.put("problems", stats.problems());
      json.put("scheme", chosen.uri());
      json.put("title", chosen.title());
      chosen.vocabulary().ifPresent(vocabulary -> json.put("vocabulary", vocabulary));
      chosen.licence().ifPresent(licence -> json.put("licence", licence));
      PrintWriter out = spec.commandLine().getOut();
      out.println(JSON.writeValueAsString(json));
      out.flush();
      printProblems(chosen, spec.commandLine().getErr(), 50);
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ show

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
          "Print a taxonomy as a tree.",
          "",
          "Each concept under each of its parents (a poly-hierarchy shows a concept more than once, marked "
              + "with '*'); a cycle is shown once and marked. Withdrawn concepts are marked '(withdrawn)'."})
  static final class Show implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions options;

    @Parameters(paramLabel = "FILE|URL", description = "The taxonomy.")
    private String source;

    @Option(names = "--scheme", paramLabel = "URI", description = "When the source holds several schemes: which.")
    private String scheme;

    @Option(names = "--depth", paramLabel = "N", description = "Show N levels at most.")
    private Integer depth;

    @Option(names = "--root", paramLabel = "TERM", description = "Show only the branch under this term (URI, id, "
        + "notation or label).")
    private String root;

    @Option(names = "--ids", description = "Show each concept's id (or notation) after its label.")
    private boolean ids;

    @Override
    public Integer call() {
      if (depth != null && depth < 1) {
        throw new ParameterException(spec.commandLine(), "--depth must be 1 or more; got " + depth);
      }
      List<Scheme> schemes = loadOrReport(options, source, spec, "show");
      if (schemes == null) {
        return 1;
      }
      Scheme chosen = choose(schemes, scheme, spec);
      PrintWriter out = spec.commandLine().getOut();
      List<Concept> tops;
      if (root != null) {
        Concept found = chosen.find(root).orElse(null);
        if (found == null) {
          spec.commandLine().getErr().println("oruk taxonomy show: no concept '" + root + "' in " + chosen.title());
          return 1;
        }
        tops = List.of(found);
      } else {
        tops = chosen.topConcepts();
        out.println(chosen.title() + " (" + chosen.size() + " concepts)");
      }
      Set<String> printed = new HashSet<>();
      for (int i = 0; i < tops.size(); i++) {
        print(chosen, tops.get(i), "", root != null ? "" : (i == tops.size() - 1 ? "└── " : "├── "),
            root != null ? "" : (i == tops.size() - 1 ? "    " : "│   "), 1, new HashSet<>(), printed, out);
      }
      // Concepts only reachable through a cycle have no top concept above them.
      if (root == null) {
        for (List<String> cycle : chosen.cycles()) {
          if (!printed.contains(cycle.get(0))) {
            Concept first = chosen.concept(cycle.get(0)).orElseThrow();
            out.println("(cycle, no top concept)");
            print(chosen, first, "", "└── ", "    ", 1, new HashSet<>(), printed, out);
          }
        }
      }
      out.flush();
      return 0;
    }

    private void print(Scheme scheme, Concept concept, String indent, String branch, String next, int level,
        Set<String> path, Set<String> printed, PrintWriter out) {
      boolean again = !printed.add(concept.uri());
      StringBuilder line = new StringBuilder(indent).append(branch).append(concept.prefLabel());
      if (ids) {
        line.append("  [").append(concept.notation().orElse(concept.id())).append(']');
      }
      if (concept.deprecated()) {
        line.append(" (withdrawn)");
      }
      if (path.contains(concept.uri())) {
        out.println(line.append(" ↻ cycle"));
        return;
      }
      if (again && concept.hasSeveralParents()) {
        line.append(" *");
      }
      out.println(line);
      if (depth != null && level >= depth) {
        return;
      }
      path.add(concept.uri());
      List<Concept> children = scheme.children(concept);
      for (int i = 0; i < children.size(); i++) {
        boolean last = i == children.size() - 1;
        print(scheme, children.get(i), indent + next, last ? "└── " : "├── ", last ? "    " : "│   ", level + 1,
            path, printed, out);
      }
      path.remove(concept.uri());
    }
  }

  // ------------------------------------------------------------------------------------------ suggest

  @Command(
      name = "suggest",
      mixinStandardHelpOptions = true,
      description = {
          "Rank the service types of a taxonomy for a service's description.",
          "",
          "Prints one suggestion per line, best first: rank, score, label, URI and the words that matched, "
              + "or 'no good match' when no type reaches --min-score. Withdrawn types are not suggested.",
          "",
          "The score runs from 0 to 1: 0.5 means as much evidence as a text that mentions the most telling "
              + "word of a typical type's label; 0.25 a third of that, 0.75 three times as much. It weighs the "
              + "words and two-word phrases the text shares with each type's label, synonyms and definition, and "
              + "how much of the label the text holds."})
  static final class Suggest implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions options;

    @Option(names = "--taxonomy", paramLabel = "FILE|URL", required = true, description = "The service types.")
    private String taxonomy;

    @Option(names = "--name", paramLabel = "NAME", description = "The service's name (its words count double).")
    private String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "How many (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "" + TypeSuggester.DEFAULT_MIN_SCORE,
        description = "Print only suggestions scoring at least S, from 0 to 1 (default: ${DEFAULT-VALUE}); "
            + "0 prints every type that shares a word with the text.")
    private double minScore;

    @Option(names = "--leaves", description = "Suggest only concepts without narrower concepts.")
    private boolean leaves;

    @Option(names = "--json", description = "Print the suggestions as a JSON array.")
    private boolean json;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The service's description.")
    private List<String> text;

    @Override
    public Integer call() throws IOException {
      if (limit < 1) {
        throw new ParameterException(spec.commandLine(), "--limit must be 1 or more; got " + limit);
      }
      if (!(minScore >= 0 && minScore < 1)) {
        throw new ParameterException(spec.commandLine(), "--min-score must be at least 0 and below 1; got "
            + minScore);
      }
      List<Scheme> schemes = loadOrReport(options, taxonomy, spec, "suggest");
      if (schemes == null) {
        return 1;
      }
      TypeSuggester suggester = TypeSuggester.builder(schemes.get(0)).leavesOnly(leaves).minScore(minScore).build();
      String description = String.join(" ", text);
      List<Suggestion> suggestions = suggester.suggest(name, description, limit);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode array = JSON.createArrayNode();
        for (Suggestion suggestion : suggestions) {
          ObjectNode item = array.addObject();
          item.put("uri", suggestion.concept().uri());
          item.put("label", suggestion.concept().prefLabel());
          item.put("score", Math.round(suggestion.score() * 1000) / 1000.0);
          ArrayNode words = item.putArray("matched");
          suggestion.matchedWords().forEach(words::add);
        }
        out.println(JSON.writeValueAsString(array));
      } else if (suggestions.isEmpty()) {
        out.println("no good match");
      } else {
        int rank = 0;
        for (Suggestion suggestion : suggestions) {
          out.printf(Locale.ROOT, "%d\t%.2f\t%s\t%s\tmatched: %s%n", ++rank, suggestion.score(),
              suggestion.concept().prefLabel(), suggestion.concept().uri(),
              String.join(", ", suggestion.matchedWords()));
        }
      }
      out.flush();
      if (suggestions.isEmpty()) {
        List<Suggestion> below = TypeSuggester.builder(schemes.get(0)).leavesOnly(leaves).minScore(0).build()
            .suggest(name, description, 1);
        spec.commandLine().getErr().println(below.isEmpty()
            ? "no good match: no type of " + schemes.get(0).title() + " shares a word with the text"
            : String.format(Locale.ROOT, "no good match: the best, %s, scores %.2f, below --min-score %.2f",
                below.get(0).concept().prefLabel(), below.get(0).score(), minScore));
      }
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------------ coverage

  @Command(
      name = "coverage",
      mixinStandardHelpOptions = true,
      description = {
          "Audit how a feed's services are tagged.",
          "",
          "Reads the services of an NDJSON (or JSON) file, or of a live feed (through oruk-client: /services?full=true, "
              + "or each service by id when the feed does not nest its list items), and reports the services per term, "
              + "the taxonomy's unused terms, untagged services, the share tagged with a recognised scheme, "
              + "and over-classified services. With --taxonomy, recognised means a term of that taxonomy; "
              + "without, a term of a vocabulary the SDK knows (the LGA lists, OpenActive, the DfE categories, ...)."})
  static final class Coverage implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions options;

    @Parameters(paramLabel = "FEED_URL|FILE.ndjson", description = "The services.")
    private String feed;

    @Option(names = "--taxonomy", paramLabel = "FILE|URL", description = "The taxonomy to check against (repeatable).")
    private List<String> taxonomies;

    @Option(names = "--max-types", paramLabel = "N", defaultValue = "3",
        description = "Report services with more than N service types (default: ${DEFAULT-VALUE}).")
    private int maxTypes;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
        description = "Report format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--list", paramLabel = "N", defaultValue = "10",
        description = "How many terms, unused terms, untagged services and findings to list in text (default: "
            + "${DEFAULT-VALUE}; JSON lists all).")
    private int list;

    @Override
    public Integer call() throws IOException {
      if (!format.equals("text") && !format.equals("json")) {
        throw new ParameterException(spec.commandLine(), "--format must be text or json; got " + format);
      }
      if (maxTypes < 1) {
        throw new ParameterException(spec.commandLine(), "--max-types must be 1 or more; got " + maxTypes);
      }
      if (options.maxServices != null && options.maxServices < 1) {
        throw new ParameterException(spec.commandLine(), "--max-services must be 1 or more; got " + options.maxServices);
      }
      PrintWriter err = spec.commandLine().getErr();
      List<Scheme> loaded = new ArrayList<>();
      for (String taxonomy : taxonomies == null ? List.<String>of() : taxonomies) {
        List<Scheme> schemes = loadOrReport(options, taxonomy, spec, "coverage");
        if (schemes == null) {
          return 1;
        }
        loaded.addAll(schemes);
      }
      SchemeSet schemes = SchemeSet.of(loaded);
      CoverageAudit coverage = CoverageAudit.of(schemes);
      ClassificationAudit classification = ClassificationAudit.builder().schemes(schemes).maxTypes(maxTypes).build();
      List<ClassificationAudit.Finding> findings = new ArrayList<>();
      Consumer<Service> audit = service -> {
        coverage.add(service);
        findings.addAll(classification.check(service));
      };
      if (feed.startsWith("http://") || feed.startsWith("https://")) {
        OrukClient client;
        try {
          client = OrukClient.builder(feed).build();
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
          FeedReader.Summary summary = new ClientFeedReader(client)
              .services(options.maxServices == null ? Long.MAX_VALUE : options.maxServices, audit);
          err.println("read " + summary.services() + " services from " + client.baseUri()
              + (summary.harvested() ? " (each fetched by id)" : "") + (summary.complete() ? "" : "; not the whole feed"));
          summary.notes().forEach(err::println);
        } catch (TaxonomyLoadException e) {
          err.println("oruk taxonomy coverage: could not read " + e.getMessage());
          return 1;
        }
      } else {
        try (Stream<Service> services = ServiceFiles.stream(Path.of(feed))) {
          services.forEach(audit);
        } catch (NoSuchFileException e) {
          err.println("oruk taxonomy coverage: no such file: " + feed);
          return 1;
        } catch (TaxonomyLoadException e) {
          err.println("oruk taxonomy coverage: could not read " + e.getMessage());
          return 1;
        } catch (UncheckedIOException e) {
          err.println("oruk taxonomy coverage: could not read " + e.getCause().getMessage());
          return 1;
        }
      }
      CoverageReport report = coverage.report();
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("json")) {
        out.println(JSON.writeValueAsString(json(report, findings)));
      } else {
        text(report, findings, out);
      }
      out.flush();
      return 0;
    }

    private ObjectNode json(CoverageReport report, List<ClassificationAudit.Finding> findings) {
      ObjectNode json = JSON.createObjectNode();
      json.put("services", report.services());
      json.put("tagged", report.tagged());
      json.put("untagged", report.untagged());
      json.put("recognised", report.recognised());
      json.put("shareTagged", round(report.shareTagged()));
      json.put("shareRecognised", round(report.shareRecognised()));
      ArrayNode terms = json.putArray("terms");
      for (TermUse use : report.terms()) {
        ObjectNode term = terms.addObject();
        term.put("uri", use.uri());
        term.put("label", use.label());
        use.scheme().ifPresent(scheme -> term.put("scheme", scheme));
        term.put("services", use.services());
      }
      ArrayNode schemes = json.putArray("schemes");
      for (SchemeCoverage coverage : report.schemes()) {
        ObjectNode scheme = schemes.addObject();
        scheme.put("uri", coverage.uri());
        scheme.put("title", coverage.title());
        scheme.put("concepts", coverage.concepts());
        scheme.put("used", coverage.used());
        ArrayNode unused = scheme.putArray("unusedTerms");
        coverage.unusedTerms().forEach(unused::add);
      }
      ArrayNode untagged = json.putArray("untaggedServices");
      report.untaggedServiceIds().forEach(untagged::add);
      ArrayNode unrecognised = json.putArray("unrecognised");
      for (UnrecognisedTerm term : report.unrecognised()) {
        ObjectNode item = unrecognised.addObject();
        item.put("reference", term.reference());
        item.put("reason", term.reason());
        item.put("services", term.services());
      }
      ArrayNode over = json.putArray("overClassified");
      for (ClassificationAudit.Finding finding : findings) {
        ObjectNode item = over.addObject();
        item.put("code", finding.code().id());
        item.put("service", finding.serviceId());
        item.put("message", finding.message());
      }
      return json;
    }

    private void text(CoverageReport report, List<ClassificationAudit.Finding> findings, PrintWriter out) {
      out.printf(Locale.ROOT, "services: %,d%n", report.services());
      out.printf(Locale.ROOT, "tagged: %,d (%.1f%%); untagged: %,d%n", report.tagged(), 100 * report.shareTagged(),
          report.untagged());
      out.printf(Locale.ROOT, "tagged with a recognised scheme: %,d (%.1f%%)%n", report.recognised(),
          100 * report.shareRecognised());
      out.printf(Locale.ROOT, "distinct terms in use: %,d%n", report.terms().size());
      for (TermUse use : limit(report.terms())) {
        out.printf(Locale.ROOT, "  %,8d  %s  <%s>%n", use.services(), use.label(), use.uri());
      }
      more(report.terms().size(), out);
      for (SchemeCoverage coverage : report.schemes()) {
        out.printf(Locale.ROOT, "%s: %,d of %,d terms used; %,d unused%n", coverage.title(), coverage.used(),
            coverage.concepts(), coverage.unusedTerms().size());
        for (String unused : limit(coverage.unusedTerms())) {
          out.println("  unused: " + unused);
        }
        more(coverage.unusedTerms().size(), out);
      }
      for (String id : limit(report.untaggedServiceIds())) {
        out.println("  untagged: " + id);
      }
      more(report.untaggedServiceIds().size(), out);
      if (!report.unrecognised().isEmpty()) {
        out.printf(Locale.ROOT, "unrecognised references: %,d%n", report.unrecognised().size());
        for (UnrecognisedTerm term : limit(report.unrecognised())) {
          out.printf(Locale.ROOT, "  %,8d  %s: %s%n", term.services(), term.reference(), term.reason());
        }
        more(report.unrecognised().size(), out);
      }
      Map<ClassificationAudit.Code, Integer> counts = new EnumMap<>(ClassificationAudit.Code.class);
      findings.forEach(finding -> counts.merge(finding.code(), 1, Integer::sum));
      Map<String, Integer> byCode = new LinkedHashMap<>();
      counts.forEach((code, count) -> byCode.put(code.id() + " " + code.name().toLowerCase(Locale.ROOT)
          .replace('_', ' '), count));
      out.printf(Locale.ROOT, "over-classification findings: %,d%s%n", findings.size(),
          byCode.isEmpty() ? "" : " " + byCode);
      for (ClassificationAudit.Finding finding : limit(findings)) {
        out.println("  " + finding.toLine());
      }
      more(findings.size(), out);
    }

    private <T> List<T> limit(List<T> all) {
      return all.size() <= list ? all : all.subList(0, list);
    }

    private void more(int size, PrintWriter out) {
      if (size > list) {
        out.printf(Locale.ROOT, "  ... and %,d more (--list N or --format json for all)%n", size - list);
      }
    }

    private static double round(double value) {
      return Math.round(value * 10000) / 10000.0;
    }
  }
}
