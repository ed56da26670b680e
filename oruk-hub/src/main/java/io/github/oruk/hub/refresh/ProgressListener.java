package io.github.oruk.hub.refresh;

/**
 * Told how each feed's refresh is going: after each list page, after each record read, and at the end. Feeds
 * are refreshed concurrently, so a listener may be called from several threads at once (one per feed).
 * An exception thrown by the listener stops that feed's refresh where it is, as a crash would: the next
 * refresh resumes it.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = progress -> { };

  /** Called with the progress of one feed. */
  void progress(RefreshProgress progress);
}
