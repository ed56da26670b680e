package io.github.oruk.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.taxonomy.NormalizedTerm.Form;
import io.github.oruk.taxonomy.NormalizedTerm.Reason;
import io.github.oruk.taxonomy.NormalizedTerm.Resolved;
import io.github.oruk.taxonomy.NormalizedTerm.Unresolved;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns every spelling of a term reference into one canonical URI, or says why it cannot.
 *
 * <p>The same LGA term reaches consumers as {@code http://id.esd.org.uk/service/833},
 * {@code https://id.esd.org.uk/service/833/}, {@code esdServiceType:833}, {@code esdServiceTypes:833}, or a
 * bare {@code 833} with the vocabulary name {@code esdServiceTypes}; all of them normalise to
 * {@code http://id.esd.org.uk/service/833}. Vocabularies come from a {@link PrefixRegistry}. Given loaded
 * schemes, the normaliser also resolves notations ({@code openActiveActivity:5_a_side}) and labels
 * ({@code "Care at home"} in {@code esdServiceTypes}), and attaches the {@link Concept} to each result.
 *
 * <p>Immutable and thread-safe; build one and share it. Normalising never throws for bad input.
 */
public final class TermNormalizer {

  private static final TermNormalizer DEFAULTS = builder().build();

  private final PrefixRegistry registry;
  private final SchemeSet schemes;
  private final @Nullable Vocabulary defaultVocabulary;
  private final boolean knownTermsOnly;
  private final Map<String, List<Scheme>> schemesByPrefix;

  private TermNormalizer(Builder builder) {
    this.registry = builder.registry;
    this.schemes = builder.schemes;
    this.knownTermsOnly = builder.knownTermsOnly;
    if (builder.defaultVocabulary != null) {
      this.defaultVocabulary = registry.vocabulary(builder.defaultVocabulary).orElseThrow(() ->
          new IllegalArgumentException("the default vocabulary '" + builder.defaultVocabulary
              + "' is not in the registry; known: " + registry));
    } else {
      this.defaultVocabulary = null;
    }
    Map<String, List<Scheme>> byPrefix = new HashMap<>();
    for (Scheme scheme : schemes) {
      vocabularyOf(scheme).ifPresent(vocabulary ->
          byPrefix.computeIfAbsent(vocabulary.prefix(), prefix -> new ArrayList<>()).add(scheme));
    }
    this.schemesByPrefix = byPrefix;
  }

  /** A normaliser with the default registry and no schemes. */
  public static TermNormalizer defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder().registry(registry).schemes(schemes).knownTermsOnly(knownTermsOnly);
    if (defaultVocabulary != null) {
      builder.defaultVocabulary(defaultVocabulary.prefix());
    }
    return builder;
  }

  public PrefixRegistry registry() {
    return registry;
  }

  public SchemeSet schemes() {
    return schemes;
  }

  /** The registered vocabulary a scheme's terms belong to, judged by its vocabulary name, URI or term URIs. */
  public Optional<Vocabulary> vocabularyOf(Scheme scheme) {
    Optional<Vocabulary> found = scheme.vocabulary().flatMap(registry::vocabulary);
    if (found.isEmpty()) {
      found = registry.vocabulary(scheme.uri());
    }
    if (found.isEmpty() && !scheme.concepts().isEmpty()) {
      found = registry.match(scheme.concepts().get(0).uri()).map(PrefixRegistry.Match::vocabulary);
    }
    return found;
  }

  /** A URI, or a CURIE such as {@code esdServiceType:833}. */
  public NormalizedTerm normalize(String reference) {
    return normalize(reference, null);
  }

  /**
   * A reference with the name of its vocabulary, as feeds send them: a bare code ({@code 833}) with
   * {@code esdServiceTypes}, or a URI or CURIE (whose own vocabulary then wins).
   *
   * @param vocabulary a prefix, vocabulary name, list URI or loaded scheme's title; may be null
   */
  public NormalizedTerm normalize(String reference, @Nullable String vocabulary) {
    if (reference == null || reference.isBlank()) {
      return new Unresolved(reference == null ? "" : reference, Reason.EMPTY, "the term reference is empty");
    }
    String value = reference.strip();
    if (isAbsoluteUri(value)) {
      return fromUri(reference, value);
    }
    int colon = value.indexOf(':');
    if (colon > 0 && isPrefix(value, colon)) {
      String prefix = value.substring(0, colon);
      Optional<Vocabulary> known = registry.vocabulary(prefix);
      if (known.isPresent()) {
        return inVocabulary(reference, known.get(), value.substring(colon + 1).strip(), Form.CURIE);
      }
      if (vocabulary != null && !vocabulary.isBlank()) {
        NormalizedTerm whole = bare(reference, value, vocabulary);
        if (whole.isResolved()) {
          return whole;
        }
      }
      return new Unresolved(reference, Reason.UNKNOWN_PREFIX, "no vocabulary is registered for the prefix '"
          + prefix + "' in '" + value + "'; add it to the PrefixRegistry (known prefixes: " + prefixes() + ")");
    }
    return bare(reference, value, vocabulary);
  }

  /**
   * An ORUK taxonomy term, using what it carries in this order: {@code term_uri}; a {@code code} (kept as
   * an extension from HSDS 3.0 feeds), {@code term}, {@code name} (a label, needing a loaded scheme) and
   * {@code id} (ORUK v1 feeds put the code there), each with the vocabulary named in {@code taxonomy}.
   */
  public NormalizedTerm normalize(TaxonomyTerm term) {
    Objects.requireNonNull(term, "term");
    String vocabulary = term.getTaxonomy();
    if (isBlank(vocabulary)) {
      vocabulary = extensionText(term, "vocabulary");
    }
    List<Unresolved> failures = new ArrayList<>(4);
    String[][] attempts = {
        {"term_uri", term.getTermUri()},
        {"code", extensionText(term, "code")},
        {"term", term.getTerm()},
        {"name", term.getName()},
        {"id", term.getId()}};
    for (String[] attempt : attempts) {
      if (isBlank(attempt[1])) {
        continue;
      }
      NormalizedTerm result = attempt[0].equals("term_uri") ? normalize(attempt[1]) : normalize(attempt[1], vocabulary);
      if (result.isResolved()) {
        return result;
      }
      failures.add((Unresolved) result);
    }
    String input = firstNonBlank(term.getTermUri(), term.getTerm(), term.getName(), term.getId());
    if (failures.isEmpty()) {
      return new Unresolved(input, Reason.EMPTY, "the taxonomy term has no term_uri, term, name or id");
    }
    StringBuilder message = new StringBuilder("no property of the taxonomy term resolved");
    if (!isBlank(vocabulary)) {
      message.append(" (vocabulary '").append(vocabulary).append("')");
    }
    for (int i = 0, attempt = 0; i < attempts.length; i++) {
      if (!isBlank(attempts[i][1])) {
        message.append(attempt++ == 0 ? ": " : "; ").append(attempts[i][0]).append(": ")
            .append(failures.get(attempt - 1).message());
      }
    }
    Reason reason = failures.get(0).reason();
    for (Unresolved failure : failures) {
      if (failure.reason() != Reason.PLACEHOLDER) {
        reason = failure.reason();
        break;
      }
    }
    return new Unresolved(input, reason, message.toString());
  }

  /** The CURIE of a canonical term URI, such as {@code esdServiceType:833}, when its vocabulary is registered. */
  public Optional<String> curie(String uri) {
    return registry.curie(uri);
  }

  private NormalizedTerm fromUri(String input, String value) {
    Optional<PrefixRegistry.Match> match = registry.match(value);
    if (match.isPresent()) {
      Vocabulary vocabulary = match.get().vocabulary();
      String id = match.get().id();
      if (!vocabulary.idSyntax().accepts(id)) {
        return new Unresolved(input, Reason.INVALID_ID, "'" + id + "' in " + value + " is not a valid "
            + vocabulary.prefix() + " identifier (" + describe(vocabulary.idSyntax()) + ")");
      }
      String canonical = vocabulary.uri(id);
      Form form = match.get().canonicalForm() && canonical.equals(value) ? Form.URI : Form.ALTERNATIVE_URI;
      return resolved(input, canonical, form, vocabulary, vocabulary.idSyntax().canonical(id));
    }
    String esdPage = esdStandardsPage(value);
    if (esdPage != null) {
      NormalizedTerm decoded = fromUri(input, esdPage);
      if (decoded instanceof Resolved found) {
        return new Resolved(input, found.canonicalUri(), Form.ALTERNATIVE_URI, found.vocabulary(), found.id(),
            found.concept());
      }
      return decoded;
    }
    if (isPlaceholder(value)) {
      return new Unresolved(input, Reason.PLACEHOLDER, value + " is a placeholder from an example, not a term URI");
    }
    Optional<Concept> concept = schemes.concept(value);
    if (concept.isEmpty() && knownTermsOnly) {
      return new Unresolved(input, Reason.UNKNOWN_TERM, value + " is not a concept of the loaded schemes");
    }
    return new Resolved(input, value, concept.isPresent() ? Form.URI : Form.UNREGISTERED_URI, Optional.empty(),
        concept.map(Concept::id), concept);
  }

  private NormalizedTerm inVocabulary(String input, Vocabulary vocabulary, String local, Form form) {
    if (local.isEmpty()) {
      return new Unresolved(input, Reason.INVALID_ID, "'" + input.strip() + "' has no identifier after the prefix");
    }
    if (vocabulary.idSyntax().accepts(local)) {
      return resolved(input, vocabulary.uri(local), form, vocabulary, vocabulary.idSyntax().canonical(local));
    }
    if (isAbsoluteUri(local)) {
      return fromUri(input, local);
    }
    for (Scheme scheme : schemesByPrefix.getOrDefault(vocabulary.prefix(), List.of())) {
      Optional<Concept> byNotation = scheme.byNotation(local);
      if (byNotation.isPresent()) {
        return new Resolved(input, byNotation.get().uri(), Form.NOTATION, Optional.of(vocabulary),
            Optional.of(byNotation.get().id()), byNotation);
      }
      Optional<Concept> byLabel = scheme.byLabel(local);
      if (byLabel.isPresent()) {
        return new Resolved(input, byLabel.get().uri(), Form.LABEL, Optional.of(vocabulary),
            Optional.of(byLabel.get().id()), byLabel);
      }
    }
    boolean loaded = schemesByPrefix.containsKey(vocabulary.prefix());
    return new Unresolved(input, Reason.INVALID_ID, "'" + local + "' is not a " + vocabulary.prefix()
        + " identifier (" + describe(vocabulary.idSyntax()) + ")" + (loaded
            ? ", nor a notation or label in the loaded scheme"
            : "; load the scheme to resolve notations and labels"));
  }

  private NormalizedTerm bare(String input, String value, @Nullable String vocabularyName) {
    if (isBlank(vocabularyName)) {
      if (defaultVocabulary != null) {
        return inVocabulary(input, defaultVocabulary, value, Form.CODE);
      }
      return new Unresolved(input, Reason.NO_VOCABULARY, "'" + value
          + "' is a bare code with no vocabulary; give the vocabulary name (such as esdServiceTypes) or "
          + "configure a default vocabulary");
    }
    Optional<Vocabulary> vocabulary = registry.vocabulary(vocabularyName);
    if (vocabulary.isPresent()) {
      return inVocabulary(input, vocabulary.get(), value, Form.CODE);
    }
    Optional<Scheme> scheme = schemes.named(vocabularyName);
    if (scheme.isPresent()) {
      Optional<Concept> byId = scheme.get().byId(value);
      Optional<Concept> found = byId;
      Form form = Form.CODE;
      if (found.isEmpty()) {
        found = scheme.get().byNotation(value);
        form = Form.NOTATION;
      }
      if (found.isEmpty()) {
        found = scheme.get().byLabel(value);
        form = Form.LABEL;
      }
      if (found.isPresent()) {
        return new Resolved(input, found.get().uri(), form, Optional.empty(), Optional.of(found.get().id()), found);
      }
      return new Unresolved(input, Reason.UNKNOWN_TERM, "'" + value + "' is not an identifier, notation or label in "
          + scheme.get().title());
    }
    return new Unresolved(input, Reason.UNKNOWN_VOCABULARY, "the vocabulary '" + vocabularyName
        + "' is not registered and no loaded scheme has that name; add it to the PrefixRegistry (known prefixes: "
        + prefixes() + ")");
  }

  private NormalizedTerm resolved(String input, String uri, Form form, Vocabulary vocabulary, String id) {
    Optional<Concept> concept = schemes.isEmpty() ? Optional.empty() : schemes.concept(uri);
    if (concept.isEmpty() && knownTermsOnly) {
      return new Unresolved(input, Reason.UNKNOWN_TERM, uri + " is well formed but not a concept of the loaded schemes");
    }
    return new Resolved(input, uri, form, Optional.of(vocabulary), Optional.of(id), concept);
  }

  private String prefixes() {
    List<String> names = new ArrayList<>();
    registry.vocabularies().forEach(vocabulary -> names.add(vocabulary.prefix()));
    return String.join(", ", names);
  }

  private static String describe(Vocabulary.IdSyntax syntax) {
    switch (syntax) {
      case DIGITS:
        return "digits";
      case UUID:
        return "a UUID";
      case TOKEN:
        return "letters, digits, '_', '-' and '.'";
      default:
        return "no spaces";
    }
  }

  static boolean isAbsoluteUri(String value) {
    return value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)
        || value.regionMatches(true, 0, "urn:", 0, 4);
  }

  /** A CURIE prefix: a letter, then letters, digits, '_', '-' or '.'. */
  private static boolean isPrefix(String value, int colon) {
    char first = value.charAt(0);
    if (!Character.isLetter(first)) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = value.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** {@code https://standards.esd.org.uk/?uri=service%2F833} (the LGA's page for a term) as the term URI. */
  private static @Nullable String esdStandardsPage(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.contains("standards.esd.org.uk")) {
      return null;
    }
    int query = value.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String parameter : value.substring(query + 1).split("&")) {
      if (parameter.startsWith("uri=")) {
        String path = URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8);
        if (path.startsWith("esd:")) {
          path = path.substring(4);
        }
        if (isAbsoluteUri(path)) {
          return path;
        }
        return "http://id.esd.org.uk/" + (path.startsWith("/") ? path.substring(1) : path);
      }
    }
    return null;
  }

  private static boolean isPlaceholder(String value) {
    int start = value.indexOf("://");
    if (start < 0) {
      return false;
    }
    int end = start + 3;
    while (end < value.length() && "/?#:".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    String host = value.substring(start + 3, end).toLowerCase(Locale.ROOT);
    return host.equals("example.com") || host.equals("example.org") || host.equals("example.net")
        || host.endsWith(".example.com") || host.endsWith(".example.org") || host.endsWith(".example.net")
        || host.equals("example");
  }

  private static @Nullable String extensionText(TaxonomyTerm term, String name) {
    if (!term.hasExtensions()) {
      return null;
    }
    JsonNode node = term.getExtensions().get(name);
    return node != null && node.isValueNode() ? node.asText() : null;
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private static String firstNonBlank(@Nullable String... values) {
    for (String value : values) {
      if (!isBlank(value)) {
        return value;
      }
    }
    return "";
  }

  /** Builds a {@link TermNormalizer}. */
  public static final class Builder {
    private PrefixRegistry registry = PrefixRegistry.defaults();
    private SchemeSet schemes = SchemeSet.empty();
    private @Nullable String defaultVocabulary;
    private boolean knownTermsOnly;

    private Builder() {
    }

    /** The vocabularies to know (default: {@link PrefixRegistry#defaults()}). */
    public Builder registry(PrefixRegistry value) {
      this.registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    /** Loaded schemes, to resolve notations and labels and to attach concepts to results. */
    public Builder schemes(SchemeSet value) {
      this.schemes = Objects.requireNonNull(value, "schemes");
      return this;
    }

    /** Loaded schemes, to resolve notations and labels and to attach concepts to results. */
    public Builder schemes(Scheme... value) {
      return schemes(SchemeSet.of(value));
    }

    /** The vocabulary of bare codes that come without a vocabulary name (default: none; they are refused). */
    public Builder defaultVocabulary(String prefixOrName) {
      this.defaultVocabulary = prefixOrName;
      return this;
    }

    /**
     * Refuse ({@link NormalizedTerm.Reason#UNKNOWN_TERM}) well-formed references to concepts the loaded
     * schemes do not hold (default: accept them, with no concept attached).
     */
    public Builder knownTermsOnly(boolean value) {
      this.knownTermsOnly = value;
      return this;
    }

    public TermNormalizer build() {
      return new TermNormalizer(this);
    }
  }
}
