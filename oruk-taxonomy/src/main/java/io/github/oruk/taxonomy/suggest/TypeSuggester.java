package io.github.oruk.taxonomy.suggest;

import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Suggests service types for a service from its name and description: a BM25F index over the scheme's
 * concepts (preferred label, synonyms, definition and the labels of their parents, each field with its own
 * weight), over single words and two-word phrases, plus a bonus for how much of a concept's label (or of
 * one of its synonyms) the text holds, in any order. The text is read as people write it: common acronyms in
 * capitals ("SEND", "EHCP") and a few everyday words for people ("elderly", "kids") also count as their
 * plain words, at half weight ({@link Builder#layTerms}); two words the scheme writes as one ("fly tipping":
 * Flytipping) count as that word, and one word the scheme writes as two side by side ("foodbank": Food
 * banks) as those two. Every suggestion carries a score from 0 to 1 and the words that matched, so a tagger
 * can see why.
 *
 * <p><b>What the score means.</b> Let {@code raw} be the sum above and {@code R} the median, over the
 * candidate concepts, of the raw score each gets from a text that just mentions the most telling word of its
 * preferred label (the word rarest in the scheme): the evidence of one key word of a typical concept. The
 * score is {@code raw / (raw + R)}: 0.5 means as much evidence as that, 0.25 a third of it, 0.75 three times
 * as much. It rises with {@code raw}, so it orders suggestions as {@code raw} does; it is comparable between
 * texts, and between schemes whose labels differ in length (a reference of whole labels would make every
 * partial match against a list of long labels look weak). Suggestions below the minimum score (default
 * {@value #DEFAULT_MIN_SCORE}) are not returned; an empty list means "no good match".
 *
 * <p>Built once per scheme (milliseconds for a thousand terms), then immutable and thread-safe.
 * Withdrawn concepts are not suggested unless asked for.
 */
public final class TypeSuggester {

  /**
   * The default minimum score: two thirds of the evidence of one key label word. Chosen on the hand-labelled
   * LGSL tuning sets the module README describes, where every right suggestion among the first three scores
   * 0.50 or more, and on the OpenActive activity list, where a suggestion that rests only on a word of a
   * definition ("food bank": Track Cycling's "banked tracks", 0.27) falls below it and one key word of a label
   * ("Couch to 5K, a beginners running programme": Running, 0.44) stays above.
   */
  public static final double DEFAULT_MIN_SCORE = 0.4;

  private static final double K1 = 1.2;
  private static final double B = 0.75;
  /**
   * How much the plain-words meaning of an acronym or everyday word ({@link LayTerms}) counts, relative to a
   * word of the text: half, since it is read into the text rather than written in it.
   */
  private static final double LAY_TERM_WEIGHT = 0.5;
  /** The separator of the two stems of a phrase term; a space never occurs inside a stem. */
  private static final String PHRASE = " ";

  private final Scheme scheme;
  private final List<Concept> candidates;
  private final Map<String, Posting> index;
  private final Map<String, int[]> labelIndex;
  private final int[] labelConcept;
  private final double[] labelIdf;
  private final double nameWeight;
  private final double phraseWeight;
  private final double labelBonus;
  private final double minScore;
  private final boolean layTerms;
  /** Every word the indexed fields write (lower case, unstemmed): where a compound may split. */
  private final java.util.Set<String> writtenWords;
  /** The beginnings of written words, leaving three letters or more ("fly" of "flytipping"). */
  private final java.util.Set<String> compoundStarts;
  /** The hash codes of the written words, sorted. */
  private final int[] writtenHashes;
  private final double reference;

  private TypeSuggester(Builder builder) {
    this.scheme = builder.scheme;
    this.nameWeight = builder.nameWeight;
    this.phraseWeight = builder.phraseWeight;
    this.labelBonus = builder.labelBonus;
    this.minScore = builder.minScore;
    this.layTerms = builder.layTerms;
    List<Concept> chosen = new ArrayList<>();
    for (Concept concept : scheme.concepts()) {
      if ((builder.includeDeprecated || !concept.deprecated()) && builder.candidates.test(concept)
          && (!builder.leavesOnly || concept.narrower().isEmpty())) {
        chosen.add(concept);
      }
    }
    this.candidates = List.copyOf(chosen);
    double[] weights = {builder.labelWeight, builder.synonymWeight, builder.definitionWeight, builder.parentWeight};
    int fields = weights.length;
    int n = candidates.size();
    // Field texts, stemmed; and every label (preferred, then synonyms) on its own, for the label bonus.
    List<List<List<String>>> docs = new ArrayList<>(n);
    java.util.Set<String> written = new java.util.HashSet<>();
    double[] totalLength = new double[fields];
    List<List<String>> labels = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      Concept concept = candidates.get(d);
      List<List<String>> doc = new ArrayList<>(fields);
      List<String> label = stems(concept.prefLabel(), written);
      doc.add(label);
      labels.add(label);
      owners.add(d);
      List<String> synonyms = new ArrayList<>();
      for (String alt : concept.altLabels()) {
        List<String> stems = stems(alt, written);
        synonyms.addAll(stems);
        labels.add(stems);
        owners.add(d);
      }
      doc.add(synonyms);
      doc.add(stems(concept.definition().orElse(""), written));
      List<String> parents = new ArrayList<>();
      scheme.parents(concept).forEach(parent -> parents.addAll(Tokenizer.stems(parent.prefLabel())));
      doc.add(parents);
      for (int f = 0; f < fields; f++) {
        totalLength[f] += doc.get(f).size();
      }
      docs.add(doc);
    }
    double[] averageLength = new double[fields];
    for (int f = 0; f < fields; f++) {
      averageLength[f] = n == 0 ? 1 : Math.max(1e-9, totalLength[f] / n);
    }
    // Weighted, length-normalised frequencies per (term, concept); terms are stems and adjacent stem pairs.
    Map<String, Map<Integer, Double>> frequencies = new HashMap<>();
    for (int d = 0; d < n; d++) {
      List<List<String>> doc = docs.get(d);
      for (int f = 0; f < fields; f++) {
        List<String> field = doc.get(f);
        if (field.isEmpty() || weights[f] == 0) {
          continue;
        }
        double tf = weights[f] / ((1 - B) + B * field.size() / averageLength[f]);
        for (int i = 0; i < field.size(); i++) {
          frequencies.computeIfAbsent(field.get(i), key -> new HashMap<>()).merge(d, tf, Double::sum);
          if (i > 0 && phraseWeight > 0) {
            frequencies.computeIfAbsent(field.get(i - 1) + PHRASE + field.get(i), key -> new HashMap<>())
                .merge(d, tf, Double::sum);
          }
        }
      }
    }
    Map<String, Posting> postings = new HashMap<>(frequencies.size() * 2);
    for (Map.Entry<String, Map<Integer, Double>> entry : frequencies.entrySet()) {
      Map<Integer, Double> byDoc = entry.getValue();
      double idf = Math.log(1 + (n - byDoc.size() + 0.5) / (byDoc.size() + 0.5));
      int[] ids = new int[byDoc.size()];
      float[] scores = new float[byDoc.size()];
      int i = 0;
      for (Map.Entry<Integer, Double> posting : byDoc.entrySet()) {
        double tf = posting.getValue();
        ids[i] = posting.getKey();
        scores[i] = (float) (idf * tf / (K1 + tf));
        i++;
      }
      postings.put(entry.getKey(), new Posting(ids, scores, idf));
    }
    this.index = postings;
    this.writtenWords = written;
    java.util.Set<String> starts = new java.util.HashSet<>();
    for (String word : written) {
      for (int cut = 2; cut <= word.length() - 3; cut++) {
        starts.add(word.substring(0, cut));
      }
    }
    this.compoundStarts = starts;
    this.writtenHashes = written.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    // The label bonus: for each distinct stem of each label, which labels hold it; and each label's summed IDF.
    this.labelConcept = new int[labels.size()];
    this.labelIdf = new double[labels.size()];
    Map<String, List<Integer>> byStem = new HashMap<>();
    for (int l = 0; l < labels.size(); l++) {
      labelConcept[l] = owners.get(l);
      for (String stem : new LinkedHashSet<>(labels.get(l))) {
        labelIdf[l] += idf(stem);
        byStem.computeIfAbsent(stem, key -> new ArrayList<>()).add(l);
      }
    }
    Map<String, int[]> labelPostings = new HashMap<>(byStem.size() * 2);
    byStem.forEach((stem, ls) -> labelPostings.put(stem, ls.stream().mapToInt(Integer::intValue).toArray()));
    this.labelIndex = labelPostings;
    this.reference = medianKeyWordScore();
  }

  private static List<String> stems(String text, java.util.Set<String> written) {
    List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
    List<String> stems = new ArrayList<>(tokens.size());
    for (Tokenizer.Token token : tokens) {
      stems.add(token.stem());
      written.add(token.word());
    }
    return stems;
  }

  /** A suggester over every live concept of the scheme, with the default weights. */
  public static TypeSuggester of(Scheme scheme) {
    return builder(scheme).build();
  }

  public static Builder builder(Scheme scheme) {
    return new Builder(scheme);
  }

  public Scheme scheme() {
    return scheme;
  }

  /** The concepts that can be suggested. */
  public List<Concept> candidates() {
    return candidates;
  }

  /** The minimum score of a suggestion. */
  public double minScore() {
    return minScore;
  }

  /** Suggestions for a service, from its name and description. */
  public List<Suggestion> suggest(Service service, int limit) {
    return suggest(service.getName(), service.getDescription(), limit);
  }

  /** Suggestions for free text (treated as a description). */
  public List<Suggestion> suggest(String text, int limit) {
    return suggest(null, text, limit);
  }

  /**
   * Up to {@code limit} suggestions scoring at least the minimum score, best first; words of the name count
   * {@code nameWeight} times as much as words of the description. The list may be shorter than
   * {@code limit}, or empty when nothing in the scheme is a good match for the text.
   */
  public List<Suggestion> suggest(@Nullable String name, @Nullable String description, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Query query = new Query();
    addText(name, nameWeight, query);
    addText(description, 1.0, query);
    int n = candidates.size();
    double[] scores = new double[n];
    boolean[] hit = new boolean[n];
    score(query, scores, hit);
    Integer[] order = topK(scores, hit, limit, minScore <= 0 ? 0 : reference * minScore / (1 - minScore));
    List<Suggestion> suggestions = new ArrayList<>(order.length);
    for (int d : order) {
      suggestions.add(new Suggestion(candidates.get(d), normalise(scores[d]), matched(d, query)));
    }
    return suggestions;
  }

  /** A text's terms: stems and adjacent stem pairs with their weights, and each stem's word as written. */
  private static final class Query {
    final Map<String, Double> words = new LinkedHashMap<>();
    final Map<String, Double> phrases = new HashMap<>();
    final Map<String, String> surface = new HashMap<>();
    final List<String> used = new ArrayList<>();
    final List<Posting> usedPostings = new ArrayList<>();
    final List<Double> usedWeights = new ArrayList<>();
  }

  private void addText(@Nullable String text, double weight, Query query) {
    List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
    addTerms(tokens, weight, query);
    addCompounds(tokens, weight, query);
    if (layTerms) {
      java.util.Set<String> capitals = Tokenizer.capitalised(text);
      for (Tokenizer.Token token : tokens) {
        String meaning = LayTerms.meaning(token.word(), capitals);
        if (meaning != null) {
          List<Tokenizer.Token> expansion = new ArrayList<>();
          for (Tokenizer.Token word : Tokenizer.tokens(meaning)) {
            expansion.add(new Tokenizer.Token(word.stem(), token.word()));
          }
          addTerms(expansion, weight * LAY_TERM_WEIGHT, query);
        }
      }
    }
  }

  private static void addTerms(List<Tokenizer.Token> tokens, double weight, Query query) {
    for (int i = 0; i < tokens.size(); i++) {
      Tokenizer.Token token = tokens.get(i);
      query.words.merge(token.stem(), weight, Double::sum);
      query.surface.putIfAbsent(token.stem(), token.word());
      if (i > 0) {
        query.phrases.merge(tokens.get(i - 1).stem() + PHRASE + token.stem(), weight, Double::sum);
      }
    }
  }

  /**
   * Words written apart that the scheme writes as one ("fly tipping": Flytipping), and one word the scheme
   * writes as two ("foodbank": Food banks), where the scheme has the two words side by side.
   */
  private void addCompounds(List<Tokenizer.Token> tokens, double weight, Query query) {
    for (int i = 0; i < tokens.size(); i++) {
      Tokenizer.Token token = tokens.get(i);
      String word = token.word();
      if (i > 0 && compoundStarts.contains(tokens.get(i - 1).word())) {
        String joined = tokens.get(i - 1).word() + word;
        if (writtenWords.contains(joined)) {
          String stem = Tokenizer.stem(joined);
          if (index.containsKey(stem) && !query.words.containsKey(stem)) {
            query.words.merge(stem, weight, Double::sum);
            query.surface.putIfAbsent(stem, tokens.get(i - 1).word() + " " + word);
          }
        }
      }
      if (word.length() < 6 || index.containsKey(token.stem())) {
        continue;
      }
      // The hash of each beginning of the word, grown a letter at a time, is looked up before any substring is
      // made (String.hashCode is this same sum).
      int hash = 0;
      for (int cut = 1; cut <= word.length() - 3; cut++) {
        hash = 31 * hash + word.charAt(cut - 1);
        if (cut < 3 || Arrays.binarySearch(writtenHashes, hash) < 0) {
          continue;
        }
        String left = word.substring(0, cut);
        if (!writtenWords.contains(left)) {
          continue;
        }
        String pair = Tokenizer.stem(left) + PHRASE + Tokenizer.stem(word.substring(cut));
        if (index.containsKey(pair)) {
          int space = pair.indexOf(' ');
          addTerms(List.of(new Tokenizer.Token(pair.substring(0, space), word),
              new Tokenizer.Token(pair.substring(space + 1), word)), weight, query);
          break;
        }
      }
    }
  }

  /** Adds the query's BM25F and label-bonus scores to {@code scores}, and notes the terms that matched. */
  private void score(Query query, double[] scores, boolean[] hit) {
    for (Map.Entry<String, Double> term : query.words.entrySet()) {
      Posting posting = index.get(term.getKey());
      if (posting != null) {
        double weight = saturate(term.getValue());
        add(posting, weight, scores, hit);
        query.used.add(term.getKey());
        query.usedPostings.add(posting);
        query.usedWeights.add(weight);
      }
    }
    for (Map.Entry<String, Double> term : query.phrases.entrySet()) {
      Posting posting = index.get(term.getKey());
      if (posting != null) {
        add(posting, phraseWeight * saturate(term.getValue()), scores, hit);
      }
    }
    addLabelBonus(query.words.keySet(), scores);
  }

  /** Repeated words in the text: the second mention adds less than the first, and no term counts more than 2. */
  private static double saturate(double weight) {
    return weight * 2.0 / (weight + 1.0);
  }

  private static void add(Posting posting, double weight, double[] scores, boolean[] hit) {
    for (int i = 0; i < posting.ids.length; i++) {
      scores[posting.ids[i]] += weight * posting.scores[i];
      hit[posting.ids[i]] = true;
    }
  }

  /**
   * For each concept, its best label (preferred or synonym): the label's summed IDF times the square of the
   * share of it (by IDF) that the text holds, in any order, times {@code labelBonus}. A label found whole
   * adds its full IDF; half of it, a quarter.
   */
  private void addLabelBonus(java.util.Set<String> words, double[] scores) {
    if (labelBonus <= 0) {
      return;
    }
    double[] covered = new double[labelIdf.length];
    int[] touched = new int[labelIdf.length];
    int count = 0;
    for (String stem : words) {
      int[] ls = labelIndex.get(stem);
      double idf = idf(stem);
      // A label word that is in no indexed field (a label weight of 0) has no IDF and counts for nothing.
      if (ls != null && idf > 0) {
        for (int l : ls) {
          if (covered[l] == 0) {
            touched[count++] = l;
          }
          covered[l] += idf;
        }
      }
    }
    double[] best = new double[candidates.size()];
    for (int i = 0; i < count; i++) {
      int l = touched[i];
      double share = covered[l] / labelIdf[l];
      best[labelConcept[l]] = Math.max(best[labelConcept[l]], labelIdf[l] * share * share);
    }
    for (int i = 0; i < count; i++) {
      int d = labelConcept[touched[i]];
      scores[d] += labelBonus * best[d];
      best[d] = 0;
    }
  }

  private double idf(String stem) {
    Posting posting = index.get(stem);
    return posting == null ? 0 : posting.idf;
  }

  /**
   * The raw score of each concept for a text that is just the most telling word of its preferred label (the
   * word with the highest IDF; the first of equals), as the description; their median.
   */
  private double medianKeyWordScore() {
    int n = candidates.size();
    double[] own = new double[n];
    Map<String, double[]> byKey = new HashMap<>();
    for (int d = 0; d < n; d++) {
      String key = null;
      for (Tokenizer.Token token : Tokenizer.tokens(candidates.get(d).prefLabel())) {
        if (key == null || idf(token.stem()) > idf(Tokenizer.stem(key))) {
          key = token.word();
        }
      }
      if (key == null || idf(Tokenizer.stem(key)) == 0) {
        continue;
      }
      // The same scoring as suggest(), for a description that is just that word.
      double[] scores = byKey.computeIfAbsent(key, word -> {
        Query query = new Query();
        addText(word, 1.0, query);
        double[] s = new double[n];
        score(query, s, new boolean[n]);
        return s;
      });
      own[d] = scores[d];
    }
    Arrays.sort(own);
    double median = n == 0 ? 0 : n % 2 == 1 ? own[n / 2] : (own[n / 2 - 1] + own[n / 2]) / 2;
    return median > 0 ? median : 1;
  }

  private double normalise(double raw) {
    return raw / (raw + reference);
  }

  private static List<String> matched(int doc, Query query) {
    List<Object[]> contributions = new ArrayList<>();
    for (int t = 0; t < query.used.size(); t++) {
      Posting posting = query.usedPostings.get(t);
      int at = Arrays.binarySearch(posting.ids, doc);
      if (at >= 0) {
        String word = query.surface.get(query.used.get(t));
        contributions.add(new Object[] {word, query.usedWeights.get(t) * posting.scores[at]});
      }
    }
    contributions.sort(Comparator.comparingDouble((Object[] c) -> (Double) c[1]).reversed());
    List<String> words = new ArrayList<>(contributions.size());
    for (Object[] contribution : contributions) {
      if (!words.contains(contribution[0])) {
        words.add((String) contribution[0]);
      }
    }
    return words;
  }

  /** The best {@code limit} concepts with a raw score of at least {@code floor}, best first. */
  private static Integer[] topK(double[] scores, boolean[] hit, int limit, double floor) {
    List<Integer> best = new ArrayList<>(limit + 1);
    for (int d = 0; d < scores.length; d++) {
      if (!hit[d] || scores[d] < floor) {
        continue;
      }
      if (best.size() < limit || scores[d] > scores[best.get(best.size() - 1)]) {
        int at = best.size();
        while (at > 0 && scores[best.get(at - 1)] < scores[d]) {
          at--;
        }
        best.add(at, d);
        if (best.size() > limit) {
          best.remove(best.size() - 1);
        }
      }
    }
    return best.toArray(new Integer[0]);
  }

  /** One term's postings: concept positions (ascending) and precomputed BM25F scores. */
  private static final class Posting {
    final int[] ids;
    final float[] scores;
    final double idf;

    Posting(int[] ids, float[] scores, double idf) {
      // Sort by concept position so matched() can binary-search.
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt(i -> ids[i]));
      this.ids = new int[ids.length];
      this.scores = new float[ids.length];
      for (int i = 0; i < order.length; i++) {
        this.ids[i] = ids[order[i]];
        this.scores[i] = scores[order[i]];
      }
      this.idf = idf;
    }
  }

  /** Builds a {@link TypeSuggester}; the defaults suit short labels with a sentence or two of definition. */
  public static final class Builder {
    private final Scheme scheme;
    private double labelWeight = 3.0;
    private double synonymWeight = 2.5;
    private double definitionWeight = 1.0;
    private double parentWeight = 0.5;
    private double nameWeight = 2.0;
    private double phraseWeight = 0.5;
    private double labelBonus = 1.0;
    private double minScore = DEFAULT_MIN_SCORE;
    private boolean layTerms = true;
    private boolean includeDeprecated;
    private boolean leavesOnly;
    private Predicate<Concept> candidates = concept -> true;

    private Builder(Scheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /** Field weights: preferred label (3), synonyms (2.5), definition (1), parents' labels (0.5). */
    public Builder fieldWeights(double label, double synonyms, double definition, double parents) {
      if (label < 0 || synonyms < 0 || definition < 0 || parents < 0) {
        throw new IllegalArgumentException("field weights must not be negative");
      }
      this.labelWeight = label;
      this.synonymWeight = synonyms;
      this.definitionWeight = definition;
      this.parentWeight = parents;
      return this;
    }

    /** How much more a word of the service's name counts than a word of its description (default 2). */
    public Builder nameWeight(double value) {
      this.nameWeight = value;
      return this;
    }

    /**
     * How much two adjacent words of the text that are also adjacent in a concept's label, synonyms, definition
     * or parents' labels count, relative to a single word (default 0.5; 0 turns phrases off).
     */
    public Builder phraseWeight(double value) {
      if (value < 0) {
        throw new IllegalArgumentException("the phrase weight must not be negative; got " + value);
      }
      this.phraseWeight = value;
      return this;
    }

    /**
     * How much the share of a concept's label found in the text counts (default 1; 0 turns it off): the
     * label's summed IDF times the square of the share found, for the best of its preferred and alternative
     * labels.
     */
    public Builder labelBonus(double value) {
      if (value < 0) {
        throw new IllegalArgumentException("the label bonus must not be negative; got " + value);
      }
      this.labelBonus = value;
      return this;
    }

    /**
     * The lowest score a suggestion may have, from 0 to 1 (default {@value TypeSuggester#DEFAULT_MIN_SCORE});
     * 0 returns every concept that shares a word with the text.
     */
    public Builder minScore(double value) {
      if (!(value >= 0 && value < 1)) {
        throw new IllegalArgumentException("the minimum score must be at least 0 and below 1; got " + value);
      }
      this.minScore = value;
      return this;
    }

    /**
     * Also read the plain-words meaning of common UK public-service acronyms written in capitals ("SEND",
     * "EHCP", "HMO") and of a few everyday words for groups of people ("elderly", "kids", "mums"), at half the
     * weight of a written word (default true; the table is listed in the module README).
     */
    public Builder layTerms(boolean value) {
      this.layTerms = value;
      return this;
    }

    /** Also suggest withdrawn concepts (default false). */
    public Builder includeDeprecated(boolean value) {
      this.includeDeprecated = value;
      return this;
    }

    /** Suggest only concepts without children (default false: any level). */
    public Builder leavesOnly(boolean value) {
      this.leavesOnly = value;
      return this;
    }

    /** Suggest only concepts passing this test (say, one branch of the scheme). */
    public Builder candidates(Predicate<Concept> value) {
      this.candidates = Objects.requireNonNull(value, "candidates");
      return this;
    }

    public TypeSuggester build() {
      return new TypeSuggester(this);
    }
  }
}
