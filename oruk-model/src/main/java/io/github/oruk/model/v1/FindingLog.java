package io.github.oruk.model.v1;

import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects mapping findings for one document, one finding per kind: a page of fifty services that all
 * have {@code regular_schedules} gets one finding, not fifty. A finding points at the first place its kind
 * was seen and its message names the other places (the first few of them).
 */
final class FindingLog {

  /** Builds a kind's message once all its occurrences are known. */
  @FunctionalInterface
  interface Message {
    /**
     * @param count the sum of the counts given with each occurrence
     * @param notes the distinct notes given with the occurrences, in the order first seen
     */
    String text(int count, Set<String> notes);
  }

  private static final int PLACES_SHOWN = 3;

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /**
   * Records one occurrence of a kind of finding.
   *
   * @param kind what the finding is about; occurrences of the same kind become one finding
   * @param pointer where in the v1 document
   * @param count how many things this occurrence stands for (entries of a list, say)
   * @param note a detail worth repeating in the message, or null
   * @param message how to word the finding; the first occurrence's is used
   */
  void add(ReadCode code, String kind, String pointer, int count, @Nullable String note, Message message) {
    Entry entry = entries.computeIfAbsent(code.code() + ' ' + kind, k -> new Entry(code, message));
    entry.count += count;
    entry.pointers.add(pointer);
    if (note != null) {
      entry.notes.add(note);
    }
  }

  /** Records a finding of its own kind, worded already. */
  void add(ReadCode code, String kind, String pointer, String message) {
    add(code, kind, pointer, 1, null, (count, notes) -> message);
  }

  List<ReadFinding> findings() {
    List<ReadFinding> findings = new ArrayList<>(entries.size());
    for (Entry entry : entries.values()) {
      List<String> places = List.copyOf(entry.pointers);
      findings.add(new ReadFinding(entry.code, places.get(0),
          entry.message.text(entry.count, entry.notes) + places(places)));
    }
    return findings;
  }

  private static String places(List<String> places) {
    if (places.size() < 2) {
      return "";
    }
    StringBuilder text = new StringBuilder(" Seen in ").append(places.size()).append(" places: ");
    int shown = Math.min(PLACES_SHOWN, places.size());
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(display(places.get(i)));
    }
    if (places.size() > shown) {
      text.append(" and ").append(places.size() - shown).append(" more");
    }
    return text.append('.').toString();
  }

  private static String display(String pointer) {
    return pointer.isEmpty() ? "(the document)" : pointer;
  }

  /** "1 schedule", "3 schedules". */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** The notes as a readable list: "a", "a and b", "a, b and c". */
  static String join(Set<String> notes) {
    List<String> items = List.copyOf(notes);
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static final class Entry {
    final ReadCode code;
    final Message message;
    final Set<String> pointers = new LinkedHashSet<>();
    final Set<String> notes = new LinkedHashSet<>();
    int count;

    Entry(ReadCode code, Message message) {
      this.code = code;
      this.message = message;
    }
  }
}
