package io.github.oruk.model.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one bad record from costing its whole page. When a document breaks the nesting or text-length limit,
 * the parser stops at the first breach and cannot go on; this scans the bytes once more, without a limit and
 * without recursion, for the items of the page's {@code contents} list that break it. Each such item is
 * overwritten in place by {@code null} and spaces (line breaks kept), so the document can be parsed again with
 * every other item at the same index, line and column, and the item is reported as left out: its position, its
 * id when it has one at its top, and why.
 *
 * <p>Only the {@code contents} of a top-level object are salvaged. A breach anywhere else (the envelope, a
 * single record, a bare array) still refuses the whole document, as before: the parse of the patched bytes
 * fails on it. The scan runs only after a parse failed, so a document within the limits never pays for it.
 */
final class PageSalvage {

  /**
   * One item that breaks a limit.
   *
   * @param index its position in {@code contents}
   * @param start where its bytes start
   * @param end where they end (exclusive)
   * @param id the value of its top-level {@code id}, when it has one
   * @param nesting whether it breaks the nesting limit (else the text-length limit)
   * @param reason what it breaks, for messages
   */
  record Item(int index, int start, int end, @Nullable String id, boolean nesting, String reason) {
  }

  private static final byte[] CONTENTS = "contents".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);

  private final byte[] json;
  private final int maxDepth;
  private final int maxStringLength;
  private int pos;
  // Where the scan is: its depth (the page object is 1), whether the next value is the list, whether it is
  // inside the list; and what the item being scanned (from itemStart) holds.
  private int depth;
  private boolean nextIsList;
  private boolean inList;
  private int index = -1;
  private int itemStart = -1;
  private int itemDeepest;
  private long itemLongest;
  private boolean awaitingId;
  private @Nullable String itemId;

  private PageSalvage(byte[] json, int start, int maxDepth, int maxStringLength) {
    this.json = json;
    this.pos = start;
    this.maxDepth = maxDepth;
    this.maxStringLength = maxStringLength;
  }

  /**
   * The items of the page's {@code contents} that break a limit, in order; empty when none do, or the document
   * is not a page envelope, or is not well-formed enough to tell.
   */
  static List<Item> find(byte[] json, int start, int maxDepth, int maxStringLength) {
    try {
      return new PageSalvage(json, start, maxDepth, maxStringLength).scan();
    } catch (Malformed e) {
      return List.of();
    }
  }

  /**
   * A copy of {@code json} with each item overwritten by {@code null} and spaces, line breaks kept; null when an
   * item is too short to hold {@code null} (a limit of one or two levels).
   */
  static byte @Nullable [] patch(byte[] json, List<Item> items) {
    byte[] patched = json.clone();
    for (Item item : items) {
      if (item.end() - item.start() < 4) {
        return null;
      }
      for (int i = item.start(); i < item.end(); i++) {
        if (patched[i] != '\n' && patched[i] != '\r') {
          patched[i] = ' ';
        }
      }
      System.arraycopy("null".getBytes(StandardCharsets.US_ASCII), 0, patched, item.start(), 4);
    }
    return patched;
  }

  /** The null that stands in a tree for a list item left out, so that it is told from a null that was sent. */
  static final class LeftOutNode extends NullNode {
    private static final long serialVersionUID = 1L;
    static final LeftOutNode INSTANCE = new LeftOutNode();

    private LeftOutNode() {
    }
  }

  // ----------------------------------------------------------------------------------------- the scan

  private List<Item> scan() {
    List<Item> items = new ArrayList<>();
    skipSpace();
    if (pos >= json.length || json[pos] != '{') {
      return items;
    }
    while (pos < json.length) {
      byte c = json[pos];
      switch (c) {
        case '"' -> string(items);
        case '{', '[' -> {
          valueStarts(pos);
          depth++;
          if (inList && depth > 2) {
            itemDeepest = Math.max(itemDeepest, depth);
          }
          if (nextIsList && c == '[') {
            inList = true;
          }
          nextIsList = false;
          pos++;
        }
        case '}', ']' -> {
          depth--;
          pos++;
          if (inList && depth == 2 && itemStart >= 0) {
            endItem(items, pos);
          } else if (inList && depth == 1) {
            inList = false;
          }
          if (depth == 0) {
            return items;
          }
        }
        case ' ', '\t', '\n', '\r', ',', ':' -> pos++;
        default -> scalar(items);
      }
    }
    return items;
  }

  /** A value begins at {@code at}: at the list's own level, that is an item. */
  private void valueStarts(int at) {
    if (inList && depth == 2) {
      index++;
      itemStart = at;
      itemDeepest = 0;
      itemLongest = 0;
      itemId = null;
      awaitingId = false;
    } else if (depth == 1) {
      nextIsList = nextIsList && json[at] == '[';
    }
  }

  private void string(List<Item> items) {
    int start = pos;
    long length = 0;
    pos++;
    while (true) {
      if (pos >= json.length) {
        throw new Malformed();
      }
      int b = json[pos] & 0xFF;
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        pos += pos + 1 < json.length && json[pos + 1] == 'u' ? 6 : 2;
        length++;
        continue;
      }
      if ((b & 0xC0) != 0x80) {
        length += (b & 0xF8) == 0xF0 ? 2 : 1; // a character outside the BMP is two Java chars, as Jackson counts
      }
      pos++;
    }
    int end = ++pos;
    int after = pos;
    while (after < json.length && isSpace(json[after])) {
      after++;
    }
    boolean name = after < json.length && json[after] == ':';
    if (name) {
      if (depth == 1) {
        nextIsList = equals(start + 1, end - 1, CONTENTS);
      } else if (inList && depth == 3 && itemStart >= 0) {
        awaitingId = equals(start + 1, end - 1, ID);
      }
      return;
    }
    boolean item = inList && depth == 2;
    if (item) {
      valueStarts(start);
    }
    if (inList && itemStart >= 0) {
      itemLongest = Math.max(itemLongest, length);
      if (awaitingId && depth == 3) {
        itemId = decode(start, end);
        awaitingId = false;
      }
    }
    if (item) {
      endItem(items, end);
    }
    if (depth == 1) {
      nextIsList = false;
    }
  }

  /** A number, true, false or null. */
  private void scalar(List<Item> items) {
    int start = pos;
    boolean item = inList && depth == 2;
    if (item) {
      valueStarts(start);
    }
    while (pos < json.length && !isDelimiter(json[pos])) {
      pos++;
    }
    if (pos == start) {
      throw new Malformed();
    }
    if (awaitingId && depth == 3 && inList) {
      itemId = new String(json, start, pos - start, StandardCharsets.UTF_8);
      awaitingId = false;
    }
    if (item) {
      endItem(items, pos);
    }
    if (depth == 1) {
      nextIsList = false;
    }
  }

  private void endItem(List<Item> items, int end) {
    String reason = null;
    boolean nesting = itemDeepest > maxDepth;
    if (nesting) {
      reason = String.format(Locale.ROOT, "it is nested %,d levels deep (counting from the top of the page), beyond"
          + " the limit of %,d", itemDeepest, maxDepth);
    } else if (itemLongest > maxStringLength) {
      reason = String.format(Locale.ROOT, "it holds a text of %,d characters, beyond the limit of %,d", itemLongest,
          maxStringLength);
    }
    if (reason != null) {
      items.add(new Item(index, itemStart, end, itemId, nesting, reason));
    }
    itemStart = -1;
    awaitingId = false;
  }

  /** The text of a JSON string literal, escapes decoded. */
  private String decode(int start, int end) {
    try {
      return STRINGS.readValue(json, start, end - start, String.class);
    } catch (IOException e) {
      return new String(json, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }
  }

  /** Decodes one id; the scan has measured it already, and the message quotes at most 80 characters of it. */
  private static final ObjectMapper STRINGS = new ObjectMapper();

  private boolean equals(int start, int end, byte[] word) {
    if (end - start != word.length) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (json[start + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  private void skipSpace() {
    while (pos < json.length && isSpace(json[pos])) {
      pos++;
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean isDelimiter(byte b) {
    return isSpace(b) || b == ',' || b == ':' || b == '}' || b == ']' || b == '{' || b == '[' || b == '"';
  }

  /** The bytes are not JSON in a way the scan cannot follow; the parser's own error stands. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }
}
