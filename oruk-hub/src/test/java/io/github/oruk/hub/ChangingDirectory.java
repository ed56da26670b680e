package io.github.oruk.hub;

import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import io.github.oruk.server.jdk.OrukHttpServer;
import io.github.oruk.server.memory.InMemoryDirectory;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An ORUK 3.0 feed (the SDK's own server over an in-memory directory, {@code modified_after} offered) whose
 * services can be changed, removed and added between refreshes.
 */
final class ChangingDirectory implements DirectoryProvider, AutoCloseable {

  private volatile InMemoryDirectory current;
  private final OrukHttpServer server;

  ChangingDirectory(List<Service> services) throws Exception {
    this.current = InMemoryDirectory.of(services);
    this.server = OrukHttpServer.builder(OrukApi.of(this)).port(0).start();
  }

  URI uri() {
    return server.uri();
  }

  List<Service> services() {
    return current.services();
  }

  /** Replaces the service with this id by a copy changed by {@code change}, stamped modified now. */
  void change(String id, UnaryOperator<Service> change) {
    List<Service> next = new ArrayList<>();
    for (Service service : current.services()) {
      if (service.getId().equals(id)) {
        OrukJson json = OrukJson.lenient();
        Service copy = json.read(json.write(service), Service.class).value();
        next.add(change.apply(copy).lastModified(OffsetDateTime.now()));
      } else {
        next.add(service);
      }
    }
    current = InMemoryDirectory.of(next);
  }

  void remove(String id) {
    current = InMemoryDirectory.of(current.services().stream().filter(s -> !s.getId().equals(id)).toList());
  }

  void add(Service service) {
    List<Service> next = new ArrayList<>(current.services());
    next.add(service);
    current = InMemoryDirectory.of(next);
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder().services(Parameter.MODIFIED_AFTER).build();
  }

  @Override
  public boolean recordsAreImmutable() {
    return false;
  }

  @Override
  public Results<Service> services(Query query, PageRequest page) {
    return current.services(query, page);
  }

  @Override
  public Optional<Service> service(String id) {
    return current.service(id);
  }

  @Override
  public void close() {
    server.close();
  }
}
