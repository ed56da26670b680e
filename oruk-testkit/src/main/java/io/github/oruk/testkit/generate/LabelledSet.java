package io.github.oruk.testkit.generate;

import io.github.oruk.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services of several sources with the ground truth of which records describe the same real-world service, as
 * {@link NearDuplicates} makes them.
 *
 * @param sources the services of each source, by source name, in the order the sources were named
 * @param records one entry per service of every source: where it is, which real-world service it is, how it
 *     was varied and whether it is a branch of a national organization (a hard negative for the others)
 */
public record LabelledSet(Map<String, List<Service>> sources, List<Labelled> records) {

  public LabelledSet {
    Map<String, List<Service>> copy = new LinkedHashMap<>();
    sources.forEach((name, services) -> copy.put(name, List.copyOf(services)));
    sources = Collections.unmodifiableMap(copy);
    records = List.copyOf(records);
  }

  /**
   * One service of one source and the real-world service it describes.
   *
   * @param source the source's name
   * @param id the service's id in that source
   * @param entity the real-world service: records with the same entity are duplicates, all others are not
   * @param family the national organization the entity is a branch of, which shares its phone number and web
   *     site with the organization's other branches; -1 when it is not a branch
   * @param variations how this copy differs from the entity's first record (empty for the first record)
   */
  public record Labelled(String source, String id, int entity, int family, Set<Variation> variations) {
    public Labelled {
      variations = Set.copyOf(variations);
    }

    /** Whether the entity is a branch of a national organization. */
    public boolean branch() {
      return family >= 0;
    }
  }

  /** How many services all sources hold together. */
  public int size() {
    return records.size();
  }

  /**
   * The duplicate pairs of the ground truth: every two records of the same entity, within a source and across
   * sources, each pair once, as indexes into {@link #records()} (the smaller first).
   */
  public List<int[]> duplicatePairs() {
    Map<Integer, List<Integer>> byEntity = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      byEntity.computeIfAbsent(records.get(i).entity(), entity -> new ArrayList<>()).add(i);
    }
    List<int[]> pairs = new ArrayList<>();
    for (List<Integer> members : byEntity.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          pairs.add(new int[] {members.get(i), members.get(j)});
        }
      }
    }
    return pairs;
  }
}
