package io.github.oruk.server;

import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The directories the tests serve. */
public final class Directories {

  /** Services in the reference directory: with the default page size of 50, pages of 50, 50 and 20. */
  public static final int SERVICES = 120;
  public static final long SEED = 42;

  private static InMemoryDirectory reference;
  private static List<Service> generated;

  private Directories() {
  }

  /** The generated services (fresh objects, never shared with a directory). */
  public static synchronized List<Service> generatedServices() {
    if (generated == null) {
      generated = DataGenerator.builder().seed(SEED).build().services(SERVICES).toList();
    }
    return generated;
  }

  /** The reference directory: {@value #SERVICES} generated services and the sample taxonomy. */
  public static synchronized InMemoryDirectory reference() {
    if (reference == null) {
      DataGenerator generator = DataGenerator.builder().seed(SEED).build();
      reference = InMemoryDirectory.builder()
          .addAll(generator.services(SERVICES))
          .taxonomy(generator.sampleTaxonomy())
          .build();
    }
    return reference;
  }

  /** The reference data, but offering only the required endpoints and the search filter. */
  public static DirectoryProvider searchOnly() {
    return searchOnly(null);
  }

  /**
   * {@link #searchOnly()}, with an NDJSON stream that never ends (the reference services over and over):
   * however much the operating system buffers for a client that does not read, the server has more to write.
   */
  public static DirectoryProvider endlessStream() {
    List<Service> services = reference().services();
    return searchOnly(query -> Stream.iterate(0, i -> i + 1).map(i -> services.get(i % services.size())));
  }

  /** With {@code stream} null, NDJSON pages through the list method, as for a provider that does not stream. */
  private static DirectoryProvider searchOnly(Function<Query, Stream<Service>> stream) {
    InMemoryDirectory directory = reference();
    return new DirectoryProvider() {
      @Override
      public Capabilities capabilities() {
        return Capabilities.builder().services(Parameter.SEARCH).build();
      }

      @Override
      public Results<Service> services(Query query, PageRequest page) {
        return directory.services(query, page);
      }

      @Override
      public Stream<Service> streamServices(Query query) {
        return stream == null ? DirectoryProvider.super.streamServices(query) : stream.apply(query);
      }

      @Override
      public Optional<Service> service(String id) {
        return directory.service(id);
      }
    };
  }

  /**
   * A provider that throws {@link Error}s rather than exceptions: {@code /services?search=W} throws
   * {@link StackOverflowError} (a real one, from runaway recursion) for W {@code recursion},
   * {@link AssertionError} for {@code assert}, {@link OutOfMemoryError} for {@code memory} and
   * {@link NoClassDefFoundError} for {@code linkage}; {@code /services/{id}} throws {@link AssertionError};
   * the NDJSON stream of services breaks with a {@link StackOverflowError} after two records, and that of
   * service-at-locations before its first.
   */
  public static DirectoryProvider erring() {
    InMemoryDirectory directory = reference();
    return new DirectoryProvider() {
      @Override
      public Capabilities capabilities() {
        return Capabilities.builder().services(Parameter.SEARCH).serviceAtLocations().build();
      }

      @Override
      public Results<Service> services(Query query, PageRequest page) {
        switch (String.valueOf(query.search())) {
          case "recursion" -> deeper(0);
          case "assert" -> throw new AssertionError("the index is inconsistent");
          case "memory" -> throw new OutOfMemoryError("Java heap space");
          case "linkage" -> throw new NoClassDefFoundError("org/example/MissingDriver");
          default -> {
            // below
          }
        }
        return directory.services(query, page);
      }

      @Override
      public Stream<Service> streamServices(Query query) {
        return Stream.iterate(0, i -> i + 1).map(i -> {
          if (i >= 2) {
            throw new StackOverflowError();
          }
          return directory.services().get(i);
        });
      }

      @Override
      public Optional<Service> service(String id) {
        throw new AssertionError("unreachable");
      }

      @Override
      public Results<ServiceAtLocation> serviceAtLocations(Query query, PageRequest page) {
        return directory.serviceAtLocations(query, page);
      }

      @Override
      public Stream<ServiceAtLocation> streamServiceAtLocations(Query query) {
        return Stream.generate(() -> {
          throw new StackOverflowError();
        });
      }
    };
  }

  private static int deeper(int depth) {
    return deeper(depth + 1) + 1;
  }

  /**
   * A provider that fails in every way a provider can: an unexpected exception on {@code /services}, 503
   * for the service with id {@code down}, a refused query for {@code search=refuse}, and an NDJSON stream
   * that breaks after two records. It claims organizations but does not implement them.
   */
  public static DirectoryProvider failing() {
    InMemoryDirectory directory = reference();
    return new DirectoryProvider() {
      @Override
      public Capabilities capabilities() {
        return Capabilities.builder().services(Parameter.SEARCH).organizations().build();
      }

      @Override
      public Results<Service> services(Query query, PageRequest page) {
        if ("refuse".equals(query.search())) {
          throw new InvalidQueryException("search", "this directory refuses the word 'refuse'.");
        }
        throw new IllegalStateException("database password is hunter2");
      }

      @Override
      public Stream<Service> streamServices(Query query) {
        return Stream.iterate(0, i -> i + 1).map(i -> {
          if (i >= 2) {
            throw new IllegalStateException("connection lost after two records");
          }
          return directory.services().get(i);
        });
      }

      @Override
      public Optional<Service> service(String id) {
        if (id.equals("down")) {
          throw new DirectoryUnavailableException("maintenance until 06:00", Duration.ofSeconds(30), null);
        }
        if (id.equals("null")) {
          return null;
        }
        return directory.service(id);
      }
    };
  }
}
