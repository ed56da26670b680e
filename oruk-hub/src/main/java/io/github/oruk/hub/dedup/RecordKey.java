package io.github.oruk.hub.dedup;

import java.util.Objects;

/**
 * One service of one source.
 *
 * @param source the source's {@link Source#name() name}
 * @param id the service's id in that source; a service without one is called {@code #N}, N its position in
 *     the source counted from 1
 */
public record RecordKey(String source, String id) {
  public RecordKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }
}
