package io.github.oruk.hub.dedup;

import io.github.oruk.model.Service;
import java.util.List;
import java.util.Objects;

/**
 * The services of one source: a feed, a file, a publisher.
 *
 * @param name what the source is called in results (a feed's name, a file's path); unique in one run
 * @param services its services, in any order
 */
public record Source(String name, List<Service> services) {
  public Source {
    Objects.requireNonNull(name, "name");
    services = List.copyOf(services);
  }
}
