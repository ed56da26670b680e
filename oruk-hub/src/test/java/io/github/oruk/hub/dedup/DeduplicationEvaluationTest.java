package io.github.oruk.hub.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.testkit.generate.LabelledSet;
import io.github.oruk.testkit.generate.LabelledSet.Labelled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The de-duplicator measured on a labelled set: 2,900 generated services made into about 5,200 records of three
 * sources by the test kit's near-duplicate injector (typos, abbreviations, {@code &} for {@code and}, word order,
 * phone and postcode formats, moved phones, missing fields, and branches of national organizations sharing one
 * phone number and web site as hard negatives).
 *
 * <p>The scorer's weights and the default thresholds were chosen on seed 101 (see the README, "Thresholds");
 * this test asserts on seed 7, which was not looked at while tuning. Pairs are counted, not clusters, and a
 * {@code review} pair counts as not a match.
 */
class DeduplicationEvaluationTest {

  /** The seed of the generator and the injector; tuning used 101. */
  private static final long SEED = 7;

  @Test
  void matchesHavePrecisionOfAtLeast95AndRecallOfAtLeast90PercentAndBranchesAreNotMerged() {
    LabelledSet set = Evaluation.labelledSet(SEED, 2_900);
    assertEquals(3, set.sources().size());
    assertTrue(set.size() >= 5_000, "a labelled set of at least 5,000 services; got " + set.size());

    Evaluation evaluation = Evaluation.of(set, Deduplicator.builder().build().run(Evaluation.sources(set)));
    System.out.println("de-duplication, seed " + SEED + ": " + evaluation.summary());

    assertTrue(evaluation.truePairs() > 2_000, "the set holds duplicates: " + evaluation.truePairs());
    assertTrue(evaluation.precision() >= 0.95, evaluation.summary());
    assertTrue(evaluation.recall() >= 0.90, evaluation.summary());

    // The hard negatives: two records of different branches of one national organization (one phone number,
    // one web site; in two families out of five one name too) must not be a match.
    List<Labelled> records = set.records();
    Map<RecordKey, Labelled> byKey = new HashMap<>();
    records.forEach(record -> byKey.put(new RecordKey(record.source(), record.id()), record));
    long branchPairs = 0;
    for (int i = 0; i < records.size(); i++) {
      for (int j = i + 1; j < records.size(); j++) {
        Labelled a = records.get(i);
        Labelled b = records.get(j);
        if (a.branch() && a.family() == b.family() && a.entity() != b.entity()) {
          branchPairs++;
        }
      }
    }
    long branchesMerged = evaluation.falseMatches().stream()
        .filter(pair -> byKey.get(pair.a()).branch() && byKey.get(pair.a()).family() == byKey.get(pair.b()).family())
        .count();
    System.out.println("branch pairs (hard negatives): " + branchPairs + ", matched: " + branchesMerged);
    assertTrue(branchPairs > 1_000, "the set holds hard negatives: " + branchPairs);
    assertTrue(branchesMerged <= branchPairs / 1_000, branchesMerged + " of " + branchPairs + " branch pairs matched");
  }
}
