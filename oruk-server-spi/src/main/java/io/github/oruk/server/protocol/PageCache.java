package io.github.oruk.server.protocol;

import java.nio.ByteBuffer;
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
 *
 * <p>Each page also keeps, made the first time they are asked for and counted in the budget, its gzip form (so
 * that clients asking for gzip, as browsers and most clients do, do not have it compressed again on every request)
 * and a copy outside the heap, which a non-blocking adapter hands to the socket without the JDK copying the page
 * into a native buffer first ({@link ProtocolResponse.Body#buffer()}).
 */
final class PageCache {

  private final long budget;
  private final Map<String, Kept> pages = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private volatile @Nullable Object version;

  PageCache(long budget) {
    this.budget = budget;
  }

  /** The page kept for this request at this version, or null. */
  @Nullable Kept get(Object dataVersion, String request) {
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
      if (pages.putIfAbsent(request, new Kept(page, used)) == null) {
        used.addAndGet(size);
      }
    }
  }

  /**
   * A kept page. Its other forms are made at most a few times (two requests at once may both make one; either
   * copy is right) and count towards the budget from then on, so the next page kept past it empties the cache.
   */
  static final class Kept {
    private final RecordEncoder.Tagged page;
    private final AtomicLong used;
    private volatile byte @Nullable [] gzipped;
    private volatile @Nullable ByteBuffer direct;

    private Kept(RecordEncoder.Tagged page, AtomicLong used) {
      this.page = page;
      this.used = used;
    }

    byte[] body() {
      return page.body();
    }

    String tag() {
      return page.tag();
    }

    /** The page compressed with gzip. */
    byte[] gzipped() {
      byte[] made = gzipped;
      if (made == null) {
        made = ContentCoding.gzip(page.body());
        gzipped = made;
        used.addAndGet(made.length);
      }
      return made;
    }

    /** The page's bytes as a read-only buffer outside the heap. */
    ByteBuffer direct() {
      ByteBuffer made = direct;
      if (made == null) {
        made = ByteBuffer.allocateDirect(page.body().length).put(page.body()).flip().asReadOnlyBuffer();
        direct = made;
        used.addAndGet(page.body().length);
      }
      return made.duplicate();
    }
  }
}
