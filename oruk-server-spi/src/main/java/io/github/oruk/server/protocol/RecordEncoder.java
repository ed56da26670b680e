package io.github.oruk.server.protocol;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.OrukJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes records and pages as canonical JSON. For providers whose records never change once returned
 * ({@code DirectoryProvider.recordsAreImmutable()}), it keeps each record object's JSON and reuses it
 * when the same object comes back, up to a memory budget (when the budget is spent, it starts again).
 * A page is the envelope written here around the records' JSON, byte for byte what
 * {@link OrukJson#write(Object)} gives for the same {@link Page}.
 */
final class RecordEncoder {

  private static final byte[] CONTENTS = ",\"contents\":[".getBytes(StandardCharsets.UTF_8);

  private final OrukJson json;
  private final long budget;
  private final ConcurrentHashMap<Identity, byte[]> encoded = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();

  /**
   * @param budget bytes of JSON to keep; 0 keeps nothing
   */
  RecordEncoder(OrukJson json, long budget) {
    this.json = json;
    this.budget = budget;
  }

  /** The canonical JSON of one record. */
  byte[] record(Object record) {
    return record(record, true);
  }

  private byte[] record(Object record, boolean keep) {
    if (budget <= 0 || !keep) {
      return json.write(record);
    }
    Identity key = new Identity(record);
    byte[] bytes = encoded.get(key);
    if (bytes != null) {
      return bytes;
    }
    bytes = json.write(record);
    if (used.addAndGet(bytes.length) > budget) {
      encoded.clear();
      used.set(bytes.length);
    }
    encoded.put(key, bytes);
    return bytes;
  }

  /**
   * The canonical JSON of a complete page whose records are {@code items}.
   *
   * @param keep whether the items may be kept for reuse (false for objects made for this answer only)
   */
  byte[] page(List<?> items, int number, int perPage, long total, boolean keep) {
    Page<?> envelope = Page.of(items, number, perPage, total);
    byte[][] records = new byte[items.size()][];
    int size = 200;
    for (int i = 0; i < records.length; i++) {
      records[i] = record(items.get(i), keep);
      size += records[i].length + 1;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    String head = "{\"total_items\":" + envelope.totalItems() + ",\"total_pages\":" + envelope.totalPages()
        + ",\"page_number\":" + envelope.pageNumber() + ",\"size\":" + envelope.size() + ",\"first_page\":"
        + envelope.firstPage() + ",\"last_page\":" + envelope.lastPage() + ",\"empty\":" + envelope.empty();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CONTENTS);
    for (int i = 0; i < records.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(records[i]);
    }
    out.write(']');
    out.write('}');
    return out.toByteArray();
  }

  /** A key that is equal only to itself: the record object, not its value. */
  private record Identity(Object record) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.record == record;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(record);
    }
  }
}
