package io.github.oruk.server.memory;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Sorted, distinct record positions: posting lists and the sets filters produce. */
final class Positions {

  private Positions() {
  }

  static BitSet toBitSet(int[] positions) {
    BitSet set = new BitSet(positions.length == 0 ? 0 : positions[positions.length - 1] + 1);
    for (int position : positions) {
      set.set(position);
    }
    return set;
  }

  /** {@code current} narrowed to {@code next}; a null {@code current} means "everything". */
  static BitSet and(@Nullable BitSet current, BitSet next) {
    if (current == null) {
      return next;
    }
    current.and(next);
    return current;
  }

  /** A growing list of positions, added in increasing order (repeats are ignored). */
  static final class Growing {
    private int[] values = new int[4];
    private int size;

    void add(int position) {
      if (size > 0 && values[size - 1] == position) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = position;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Posting lists keyed by text, such as term id → positions of the records tagged with it. */
  static final class Keyed {
    private final Map<String, Growing> growing = new HashMap<>();

    void add(@Nullable String key, int position) {
      if (key != null) {
        growing.computeIfAbsent(key, k -> new Growing()).add(position);
      }
    }

    Map<String, int[]> build() {
      Map<String, int[]> frozen = new HashMap<>(growing.size() * 2);
      growing.forEach((key, positions) -> frozen.put(key, positions.toArray()));
      return frozen;
    }
  }
}
