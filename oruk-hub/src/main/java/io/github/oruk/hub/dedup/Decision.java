package io.github.oruk.hub.dedup;

import java.util.Locale;

/** What a scored pair is taken for. */
public enum Decision {
  /** The same service: the score reached the match threshold. */
  MATCH,
  /** Perhaps the same service; a person should look: the score reached the review threshold only. */
  REVIEW;

  /** {@code match} or {@code review}, as the CLI writes it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
