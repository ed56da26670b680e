package io.github.oruk.server.protocol;

import io.github.oruk.model.Page;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.PageEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes records and pages as canonical JSON, with their entity tags. For providers whose records never
 * change once returned ({@code DirectoryProvider.recordsAreImmutable()}), it keeps each record object's
 * JSON and checksum and reuses them when the same object comes back, up to a memory budget (when the
 * budget is spent, it starts again). A page is the model's {@link PageEnvelope} around the records' JSON, byte
 * for byte what {@link OrukJson#write(Object)} gives for the same {@link Page}; its tag is computed from
 * the envelope and the records' checksums, so a page's bytes are not read again to tag them.
 */
final class RecordEncoder {

  /** A record's JSON and its checksum. */
  record Encoded(byte[] json, long checksum) {
  }

  /** A body and its entity tag. */
  record Tagged(byte[] body, String tag) {
  }

  private final OrukJson json;
  private final long budget;
  private final ConcurrentHashMap<Identity, Encoded> encoded = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();

  /**
   * @param budget bytes of JSON to keep; 0 keeps nothing
   */
  RecordEncoder(OrukJson json, long budget) {
    this.json = json;
    this.budget = budget;
  }

  /** The canonical JSON of one record, tagged. */
  Tagged record(Object record) {
    Encoded one = encode(record, true);
    return new Tagged(one.json(), EntityTags.quote(one.checksum()));
  }

  private Encoded encode(Object record, boolean keep) {
    if (budget <= 0 || !keep) {
      byte[] bytes = json.write(record);
      return new Encoded(bytes, EntityTags.checksum(bytes));
    }
    Identity key = new Identity(record);
    Encoded found = encoded.get(key);
    if (found != null) {
      return found;
    }
    byte[] bytes = json.write(record);
    found = new Encoded(bytes, EntityTags.checksum(bytes));
    if (used.addAndGet(bytes.length) > budget) {
      encoded.clear();
      used.set(bytes.length);
    }
    encoded.put(key, found);
    return found;
  }

  /**
   * The canonical JSON of a complete page whose records are {@code items}, tagged.
   *
   * @param keep whether the items may be kept for reuse (false for objects made for this answer only)
   */
  Tagged page(List<?> items, int number, int perPage, long total, boolean keep) {
    byte[] opening = PageEnvelope.opening(Page.of(items, number, perPage, total));
    List<byte[]> records = new ArrayList<>(items.size());
    long tag = EntityTags.checksum(opening);
    for (Object item : items) {
      Encoded record = encode(item, keep);
      records.add(record.json());
      tag = tag * 0x9E3779B97F4A7C15L + record.checksum();
    }
    byte[] body = PageEnvelope.write(opening, records);
    return new Tagged(body, EntityTags.quote(tag ^ ((long) body.length << 40)));
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
