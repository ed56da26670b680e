package io.github.oruk.hub.dedup;

import io.github.oruk.hub.dedup.Profile.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate generation: the blocks of records that share a key. Keys: each place's postcode, each phone number,
 * the e-mail address, each web or e-mail domain, and the two rarest name words (each alone, and both as a pair, which still blocks when each alone is too common).
 * A block of more than the largest size is dropped, so a national phone number or a common word never makes
 * a quadratic block; a word shared by more records than that is not a name key at all.
 */
final class Blocking {

  /** How many of its rarest name words a record is blocked on. */
  private static final int RARE_WORDS = 2;

  private Blocking() {
  }

  /** The blocks of two or more records and at most {@code maxBlockSize}, each the ascending record indexes. */
  static int[][] blocks(List<Profile> profiles, Map<String, Integer> frequency, int maxBlockSize) {
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < profiles.size(); i++) {
      for (String key : keys(profiles.get(i), frequency, maxBlockSize)) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    List<int[]> blocks = new ArrayList<>();
    byKey.entrySet().stream()
        .filter(entry -> entry.getValue().size() > 1 && entry.getValue().size() <= maxBlockSize)
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> blocks.add(entry.getValue().stream().mapToInt(Integer::intValue).toArray()));
    return blocks.toArray(int[][]::new);
  }

  /** For each record, the blocks it is in. */
  static int[][] keysOf(int[][] blocks, int size) {
    int[] counts = new int[size];
    for (int[] block : blocks) {
      for (int i : block) {
        counts[i]++;
      }
    }
    int[][] keysOf = new int[size][];
    for (int i = 0; i < size; i++) {
      keysOf[i] = new int[counts[i]];
    }
    int[] filled = new int[size];
    for (int b = 0; b < blocks.length; b++) {
      for (int i : blocks[b]) {
        keysOf[i][filled[i]++] = b;
      }
    }
    return keysOf;
  }

  static Set<String> keys(Profile profile, Map<String, Integer> frequency, int maxBlockSize) {
    Set<String> keys = new LinkedHashSet<>();
    for (Place place : profile.places()) {
      if (place.postcode() != null) {
        keys.add("postcode:" + place.postcode());
      }
    }
    profile.phones().forEach(phone -> keys.add("phone:" + phone));
    if (profile.email() != null) {
      keys.add("email:" + profile.email());
    }
    profile.domains().forEach(domain -> keys.add("domain:" + domain));
    List<String> rare = profile.name().stream().distinct()
        .sorted(Comparator.comparing((String word) -> frequency.getOrDefault(word, 0)).thenComparing(word -> word))
        .limit(RARE_WORDS)
        .toList();
    rare.stream().filter(word -> frequency.getOrDefault(word, 0) <= maxBlockSize)
        .forEach(word -> keys.add("word:" + word));
    if (rare.size() == 2) {
      keys.add("words:" + String.join(" ", rare.stream().sorted().toList()));
    }
    return keys;
  }
}
