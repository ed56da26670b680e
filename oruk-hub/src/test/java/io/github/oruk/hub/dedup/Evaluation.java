package io.github.oruk.hub.dedup;

import io.github.oruk.model.Service;
import io.github.oruk.testkit.generate.DataGenerator;
import io.github.oruk.testkit.generate.LabelledSet;
import io.github.oruk.testkit.generate.LabelledSet.Labelled;
import io.github.oruk.testkit.generate.NearDuplicates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A de-duplication run scored against the ground truth of a labelled set: pairs count, and {@code review}
 * counts as not a match.
 */
record Evaluation(LabelledSet set, DedupResult result, int truePairs, int matches, int correctMatches,
    int reviews, int truePairsInReview, List<Pair> falseMatches, List<int[]> missed) {

  /** Three sources from {@code services} generated services, both the generator and injector on {@code seed}. */
  static LabelledSet labelledSet(long seed, int services) {
    List<Service> base = DataGenerator.builder().seed(seed).asOf(LocalDate.of(2026, 12, 1)).build()
        .services(services).toList();
    return NearDuplicates.builder().seed(seed).sources("council", "nhs", "charities").build().inject(base);
  }

  static List<Source> sources(LabelledSet set) {
    List<Source> sources = new ArrayList<>();
    set.sources().forEach((name, services) -> sources.add(new Source(name, services)));
    return sources;
  }

  static Evaluation of(LabelledSet set, DedupResult result) {
    Map<RecordKey, Integer> index = new HashMap<>();
    List<Labelled> records = set.records();
    for (int i = 0; i < records.size(); i++) {
      index.put(new RecordKey(records.get(i).source(), records.get(i).id()), i);
    }
    Set<Long> truth = new HashSet<>();
    for (int[] pair : set.duplicatePairs()) {
      truth.add(key(pair[0], pair[1]));
    }
    int matches = 0;
    int correct = 0;
    int reviews = 0;
    int inReview = 0;
    Set<Long> found = new HashSet<>();
    List<Pair> falseMatches = new ArrayList<>();
    for (Pair pair : result.pairs()) {
      long key = key(index.get(pair.a()), index.get(pair.b()));
      boolean same = truth.contains(key);
      if (pair.decision() == Decision.MATCH) {
        matches++;
        if (same) {
          correct++;
          found.add(key);
        } else {
          falseMatches.add(pair);
        }
      } else {
        reviews++;
        inReview += same ? 1 : 0;
      }
    }
    List<int[]> missed = new ArrayList<>();
    for (int[] pair : set.duplicatePairs()) {
      if (!found.contains(key(pair[0], pair[1]))) {
        missed.add(pair);
      }
    }
    return new Evaluation(set, result, truth.size(), matches, correct, reviews, inReview, falseMatches, missed);
  }

  private static long key(int i, int j) {
    return (long) Math.min(i, j) << 32 | Math.max(i, j);
  }

  double precision() {
    return matches == 0 ? 1 : (double) correctMatches / matches;
  }

  double recall() {
    return truePairs == 0 ? 1 : (double) correctMatches / truePairs;
  }

  /** The share of the reported pairs that are left for review. */
  double reviewShare() {
    int reported = matches + reviews;
    return reported == 0 ? 0 : (double) reviews / reported;
  }

  String summary() {
    return String.format(Locale.ROOT, "%,d services in %d sources, %,d duplicate pairs: %,d match pairs, precision"
        + " %.4f, recall %.4f; %,d review pairs (review share %.3f of reported pairs; %,d of them true"
        + " duplicates, %.3f of all)", set.size(), set.sources().size(), truePairs, matches, precision(), recall(),
        reviews, reviewShare(), truePairsInReview, truePairs == 0 ? 0 : (double) truePairsInReview / truePairs);
  }
}
