package io.github.oruk.server.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Whole list pages as written, by request, for a provider that gives a data version: a page asked for again is
 * sent from here while the version is unchanged. Bounded by a budget of bytes; when a page would exceed it, the
 * cache starts again empty (no bookkeeping per hit, so hits cost one map lookup, and no query a client invents
 * can grow it). A new version empties it too. Thread-safe; a page written twice at once by two requests is
 * simply kept once.
 */
final class PageCache {

  private final long budget;
  private final Map<String, RecordEncoder.Tagged> pages = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private volatile @Nullable Object version;

  PageCache(long budget) {
    this.budget = budget;
  }

  /** The page kept for this request at this version, or null. */
  RecordEncoder.@Nullable Tagged get(Object dataVersion, String request) {
    if (!dataVersion.equals(version)) {
      return null;
    }
    return pages.get(request);
  }

  /** Keeps a page written for this request at this version, if it fits the budget at all. */
  void put(Object dataVersion, String request, RecordEncoder.Tagged page) {
    long size = page.body().length + 2L * request.length() + 64;
    if (size > budget) {
      return;
    }
    synchronized (this) {
      if (!dataVersion.equals(version)) {
        pages.clear();
        used.set(0);
        version = dataVersion;
      }
      if (used.get() + size > budget) {
        pages.clear();
        used.set(0);
      }
      if (pages.putIfAbsent(request, page) == null) {
        used.addAndGet(size);
      }
    }
  }
}
