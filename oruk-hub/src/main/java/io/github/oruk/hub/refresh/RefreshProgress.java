package io.github.oruk.hub.refresh;

/**
 * How far a feed's refresh has got, as reported to a {@link ProgressListener}.
 *
 * @param feed the feed's name
 * @param phase what it is doing
 * @param listed records listed so far
 * @param toRead records whose details are to be read this refresh (known once listing is done)
 * @param read records whose details were read so far
 * @param failed failures so far
 */
public record RefreshProgress(String feed, Phase phase, int listed, int toRead, int read, int failed) {

  /** What a refresh is doing. */
  public enum Phase {
    /** Walking the list of ids. */
    LISTING,
    /** Reading the details of new and changed records. */
    READING,
    /** Finished (see the stored refresh for how). */
    DONE
  }

  /** A line for a person: {@code north: reading 120/300 (2 failed)}. */
  public String toLine() {
    return switch (phase) {
      case LISTING -> feed + ": listing, " + listed + " so far";
      case READING -> feed + ": reading " + read + "/" + toRead + " new or changed of " + listed + " listed"
          + (failed == 0 ? "" : " (" + failed + " failed)");
      case DONE -> feed + ": done";
    };
  }
}
