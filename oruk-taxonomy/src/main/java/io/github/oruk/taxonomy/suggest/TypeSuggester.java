package io.github.oruk.taxonomy.suggest;

import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.Concept;
import io.github.oruk.taxonomy.Scheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Suggests service types for a service from its name and description: a BM25F index over the scheme's
 * concepts (preferred label, synonyms, definition and the labels of their parents, each field with its own
 * weight), with a bonus when a concept's whole label appears as a phrase in the text. Every suggestion
 * carries its score and the words that matched, so a tagger can see why.
 *
 * <p>Built once per scheme (milliseconds for a thousand terms), then immutable and thread-safe.
 * Withdrawn concepts are not suggested unless asked for.
 */
public final class TypeSuggester {

  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final Scheme scheme;
  private final List<Concept> candidates;
  private final Map<String, Posting> index;
  private final List<List<String>> labelStems;
  private final double nameWeight;
  private final double phraseBonus;

  private TypeSuggester(Builder builder) {
    this.scheme = builder.scheme;
    this.nameWeight = builder.nameWeight;
    this.phraseBonus = builder.phraseBonus;
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
    // Field texts, stemmed.
    List<List<List<String>>> docs = new ArrayList<>(n);
    double[] totalLength = new double[fields];
    List<List<String>> labels = new ArrayList<>(n);
    for (Concept concept : candidates) {
      List<List<String>> doc = new ArrayList<>(fields);
      List<String> label = Tokenizer.stems(concept.prefLabel());
      doc.add(label);
      List<String> synonyms = new ArrayList<>();
      concept.altLabels().forEach(alt -> synonyms.addAll(Tokenizer.stems(alt)));
      doc.add(synonyms);
      doc.add(Tokenizer.stems(concept.definition().orElse("")));
      List<String> parents = new ArrayList<>();
      scheme.parents(concept).forEach(parent -> parents.addAll(Tokenizer.stems(parent.prefLabel())));
      doc.add(parents);
      for (int f = 0; f < fields; f++) {
        totalLength[f] += doc.get(f).size();
      }
      docs.add(doc);
      labels.add(label);
    }
    this.labelStems = List.copyOf(labels);
    double[] averageLength = new double[fields];
    for (int f = 0; f < fields; f++) {
      averageLength[f] = n == 0 ? 1 : Math.max(1e-9, totalLength[f] / n);
    }
    // Weighted, length-normalised term frequencies per (term, concept).
    Map<String, Map<Integer, Double>> frequencies = new HashMap<>();
    for (int d = 0; d < n; d++) {
      List<List<String>> doc = docs.get(d);
      for (int f = 0; f < fields; f++) {
        List<String> field = doc.get(f);
        if (field.isEmpty() || weights[f] == 0) {
          continue;
        }
        double norm = (1 - B) + B * field.size() / averageLength[f];
        for (String stem : field) {
          frequencies.computeIfAbsent(stem, key -> new HashMap<>()).merge(d, weights[f] / norm, Double::sum);
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

  /** Suggestions for a service, from its name and description. */
  public List<Suggestion> suggest(Service service, int limit) {
    return suggest(service.getName(), service.getDescription(), limit);
  }

  /** Suggestions for free text (treated as a description). */
  public List<Suggestion> suggest(String text, int limit) {
    return suggest(null, text, limit);
  }

  /**
   * Up to {@code limit} suggestions, best first; words of the name count {@code nameWeight} times as much as
   * words of the description. Concepts that share no word with the text are never suggested, so the list
   * may be shorter than {@code limit}, or empty.
   */
  public List<Suggestion> suggest(String name, String description, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Tokenizer.Token> nameTokens = Tokenizer.tokens(name);
    List<Tokenizer.Token> descriptionTokens = Tokenizer.tokens(description);
    Map<String, Double> queryWeights = new LinkedHashMap<>();
    Map<String, String> surface = new HashMap<>();
    for (Tokenizer.Token token : nameTokens) {
      queryWeights.merge(token.stem(), nameWeight, Double::sum);
      surface.putIfAbsent(token.stem(), token.word());
    }
    for (Tokenizer.Token token : descriptionTokens) {
      queryWeights.merge(token.stem(), 1.0, Double::sum);
      surface.putIfAbsent(token.stem(), token.word());
    }
    int n = candidates.size();
    double[] scores = new double[n];
    boolean[] hit = new boolean[n];
    List<String> used = new ArrayList<>(queryWeights.size());
    List<Posting> usedPostings = new ArrayList<>(queryWeights.size());
    List<Double> usedWeights = new ArrayList<>(queryWeights.size());
    for (Map.Entry<String, Double> term : queryWeights.entrySet()) {
      Posting posting = index.get(term.getKey());
      if (posting == null) {
        continue;
      }
      // Saturate repeated words in the text: the second mention adds less than the first.
      double weight = term.getValue() * 2.0 / (term.getValue() + 1.0);
      used.add(term.getKey());
      usedPostings.add(posting);
      usedWeights.add(weight);
      for (int i = 0; i < posting.ids.length; i++) {
        scores[posting.ids[i]] += weight * posting.scores[i];
        hit[posting.ids[i]] = true;
      }
    }
    if (phraseBonus > 0) {
      List<String> nameStems = stems(nameTokens);
      List<String> descriptionStems = stems(descriptionTokens);
      for (int d = 0; d < n; d++) {
        if (!hit[d]) {
          continue;
        }
        List<String> label = labelStems.get(d);
        // Cheap test first: every word of the label must be in the text at all.
        if (label.size() < 2 || !queryWeights.keySet().containsAll(label)) {
          continue;
        }
        if (contains(nameStems, label) || contains(descriptionStems, label)) {
          double idfSum = 0;
          for (String stem : label) {
            Posting posting = index.get(stem);
            idfSum += posting == null ? 0 : posting.idf;
          }
          scores[d] += phraseBonus * idfSum;
        }
      }
    }
    Integer[] order = topK(scores, hit, limit);
    List<Suggestion> suggestions = new ArrayList<>(order.length);
    for (int d : order) {
      suggestions.add(new Suggestion(candidates.get(d), scores[d], matched(d, used, usedPostings, usedWeights, surface)));
    }
    return suggestions;
  }

  private static List<String> matched(int doc, List<String> used, List<Posting> postings, List<Double> weights,
      Map<String, String> surface) {
    List<Object[]> contributions = new ArrayList<>();
    for (int t = 0; t < used.size(); t++) {
      Posting posting = postings.get(t);
      int at = Arrays.binarySearch(posting.ids, doc);
      if (at >= 0) {
        contributions.add(new Object[] {surface.get(used.get(t)), weights.get(t) * posting.scores[at]});
      }
    }
    contributions.sort(Comparator.comparingDouble((Object[] c) -> (Double) c[1]).reversed());
    List<String> words = new ArrayList<>(contributions.size());
    for (Object[] contribution : contributions) {
      words.add((String) contribution[0]);
    }
    return words;
  }

  private static Integer[] topK(double[] scores, boolean[] hit, int limit) {
    List<Integer> best = new ArrayList<>(limit + 1);
    for (int d = 0; d < scores.length; d++) {
      if (!hit[d]) {
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

  private static List<String> stems(List<Tokenizer.Token> tokens) {
    List<String> stems = new ArrayList<>(tokens.size());
    tokens.forEach(token -> stems.add(token.stem()));
    return stems;
  }

  private static boolean contains(List<String> text, List<String> phrase) {
    int last = text.size() - phrase.size();
    for (int start = 0; start <= last; start++) {
      boolean all = true;
      for (int i = 0; i < phrase.size() && all; i++) {
        all = text.get(start + i).equals(phrase.get(i));
      }
      if (all) {
        return true;
      }
    }
    return false;
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
    private double phraseBonus = 0.5;
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

    /** Extra score, times the label's summed IDF, when a whole multi-word label appears in the text (default 0.5). */
    public Builder phraseBonus(double value) {
      this.phraseBonus = value;
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
