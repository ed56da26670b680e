package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Service;
import io.github.oruk.model.document.DocumentReader;
import io.github.oruk.model.document.Layout;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Services from a file, for audits and for taxonomies embedded in a feed: NDJSON (one service per line,
 * as {@code oruk generate} writes), a JSON page of services, a JSON array, or one service (told apart by the
 * model's {@link Layout} and {@link DocumentReader#detect}); ORUK 3.0 or
 * legacy ORUK v1 (mapped to 3.0, so v1 {@code service_taxonomys} become attributes). Read leniently (the
 * model's reader repairs what real feeds get wrong); an NDJSON line that is not a service fails with its
 * line number.
 */
public final class ServiceFiles {

  private static final DocumentReader READER = new DocumentReader(OrukJson.lenient());

  private ServiceFiles() {
  }

  /**
   * The services of a file, read lazily for NDJSON. Close the stream (try-with-resources) to close the
   * file; a line that cannot be read throws {@link UncheckedIOException} wrapping a
   * {@link TaxonomyLoadException} that names the line.
   */
  public static Stream<Service> stream(Path file) throws IOException {
    if (Layout.of(file) == Layout.NDJSON) {
      BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      int[] line = {0};
      return reader.lines()
          .onClose(() -> {
            try {
              reader.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .map(text -> {
            line[0]++;
            return text;
          })
          .filter(text -> !Layout.isBlank(text))
          .map(text -> {
            try {
              return service(Layout.withoutByteOrderMark(text));
            } catch (OrukReadException e) {
              throw new UncheckedIOException(new TaxonomyLoadException(file.toString(),
                  "line " + line[0] + " is not an ORUK service: " + e.getMessage(), e));
            }
          });
    }
    return read(Files.readAllBytes(file), file.toString()).stream();
  }

  /** The services of a JSON document: a page, an array, or a single service (ORUK 3.0 or legacy v1). */
  public static List<Service> read(byte[] json, String source) throws TaxonomyLoadException {
    JsonNode root = SkosLoader.parse(json, source);
    try {
      if (root.isArray()) {
        List<Service> services = new ArrayList<>(root.size());
        for (JsonNode item : root) {
          services.add(service(item.toString()));
        }
        return services;
      }
      Object value = READER.read(root, RecordType.SERVICE).value().value();
      if (value instanceof Page<?> read) {
        List<Service> services = new ArrayList<>(read.contents().size());
        read.contents().forEach(item -> services.add((Service) item));
        return services;
      }
      return List.of((Service) value);
    } catch (OrukReadException | ClassCastException e) {
      throw new TaxonomyLoadException(source, "not ORUK services: " + e.getMessage(), e);
    }
  }

  /** One service, ORUK 3.0 or legacy v1 (mapped to 3.0 by the model's reader, so v1 taxonomies become attributes). */
  static Service service(String json) {
    return (Service) READER.read(json.getBytes(StandardCharsets.UTF_8), RecordType.SERVICE, false).value().value();
  }
}
