package io.github.oruk.hub.store;

import java.util.Locale;

/** What a curator decided about two records; it outlasts every refresh and every run of the engine. */
public enum CuratorDecision {
  /** The same service: the two records' clusters are one, whatever the engine scores. */
  SAME,
  /** Different services: the two records are never in one cluster, whatever the engine scores. */
  DIFFERENT;

  /** {@code same} or {@code different}, as the CLI writes it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
