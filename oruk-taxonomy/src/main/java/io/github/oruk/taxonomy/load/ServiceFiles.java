package io.github.oruk.taxonomy.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadResult;
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
 * as {@code oruk generate} writes), a JSON page of services, a JSON array, or one service. Read leniently
 * (the model's reader repairs what real feeds get wrong); an NDJSON line that is not a service fails with
 * its line number.
 */
public final class ServiceFiles {

  private static final OrukJson JSON = OrukJson.lenient();

  private ServiceFiles() {
  }

  /**
   * The services of a file, read lazily for NDJSON. Close the stream (try-with-resources) to close the
   * file; a line that cannot be read throws {@link UncheckedIOException} wrapping a
   * {@link TaxonomyLoadException} that names the line.
   */
  public static Stream<Service> stream(Path file) throws IOException {
    if (isNdjson(file)) {
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
            return text.strip();
          })
          .filter(text -> !text.isEmpty() && !text.equals("\uFEFF"))
          .map(text -> {
            try {
              return JSON.read(text.startsWith("\uFEFF") ? text.substring(1) : text, Service.class).value();
            } catch (OrukReadException e) {
              throw new UncheckedIOException(new TaxonomyLoadException(file.toString(),
                  "line " + line[0] + " is not an ORUK service: " + e.getMessage(), e));
            }
          });
    }
    return read(Files.readAllBytes(file), file.toString()).stream();
  }

  /** The services of a JSON document: a page, an array, or a single service. */
  public static List<Service> read(byte[] json, String source) throws TaxonomyLoadException {
    JsonNode root = SkosLoader.parse(json, source);
    try {
      if (root.isArray()) {
        List<Service> services = new ArrayList<>(root.size());
        for (JsonNode item : root) {
          services.add(JSON.read(item, Service.class).value());
        }
        return services;
      }
      if (root.has("contents")) {
        ReadResult<Page<Service>> page = JSON.readPage(root, Service.class);
        return page.value().contents();
      }
      return List.of(JSON.read(root, Service.class).value());
    } catch (OrukReadException e) {
      throw new TaxonomyLoadException(source, "not ORUK services: " + e.getMessage(), e);
    }
  }

  /** Whether a file is NDJSON: by its name ({@code .ndjson}, {@code .jsonl}), or two lines that each hold an object. */
  static boolean isNdjson(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return true;
    }
    if (name.endsWith(".json")) {
      return false;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int objects = 0;
      String line;
      while (objects < 2 && (line = reader.readLine()) != null) {
        String text = line.strip();
        if (text.isEmpty()) {
          continue;
        }
        if (!(text.startsWith("{") || text.startsWith("\uFEFF{")) || !text.endsWith("}")) {
          return false;
        }
        objects++;
      }
      return objects >= 2;
    }
  }
}
