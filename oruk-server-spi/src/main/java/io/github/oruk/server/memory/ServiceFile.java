package io.github.oruk.server.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.RecordType;
import io.github.oruk.model.Service;
import io.github.oruk.model.document.Document;
import io.github.oruk.model.document.DocumentReader;
import io.github.oruk.model.document.Layout;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Services read from a file, leniently, with what the reader repaired. Accepts NDJSON (one service per
 * line, as {@code oruk generate} writes), a JSON array of services, one service, or a page of services
 * ({@code {"contents": [...]}}); a whole document may also be a legacy ORUK v1 service or page, mapped to 3.0.
 * Which of these a file is, the model's {@link Layout} and {@link DocumentReader#detect} decide, as they do for
 * every file the SDK reads.
 *
 * @param services the services, in file order
 * @param findings what the lenient reader repaired or kept aside, with the line (NDJSON) or 0
 */
public record ServiceFile(List<Service> services, List<Finding> findings) {

  public ServiceFile {
    services = List.copyOf(services);
    findings = List.copyOf(findings);
  }

  /** One repair, with where it was. */
  public record Finding(long line, ReadFinding finding) {
    /** {@code line 12: ORUK-READ-002 /last_modified message} (no line for whole-document files). */
    public String toLine() {
      return (line > 0 ? "line " + line + ": " : "") + finding.toLine();
    }
  }

  /**
   * Reads a file.
   *
   * @throws IOException when the file cannot be read or a document in it is not an ORUK service (the
   *     message names the file and line)
   */
  public static ServiceFile read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a stream to its end (it is not closed).
   *
   * @param name what to call the source in messages
   */
  public static ServiceFile read(InputStream in, String name) throws IOException {
    Objects.requireNonNull(in, "in");
    OrukJson json = OrukJson.lenient();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    List<Service> services = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    // The lines up to the second non-blank one, which the layout is told from.
    List<String> head = new ArrayList<>();
    List<String> nonBlank = new ArrayList<>(2);
    for (String line; nonBlank.size() < 2 && (line = reader.readLine()) != null; ) {
      head.add(line);
      if (!Layout.isBlank(line)) {
        nonBlank.add(line);
      }
    }
    if (nonBlank.isEmpty()) {
      return new ServiceFile(services, findings);
    }
    if (Layout.of(name, nonBlank.get(0), nonBlank.size() > 1 ? nonBlank.get(1) : null) == Layout.NDJSON) {
      // NDJSON: every non-blank line is one service.
      long number = 0;
      for (String line : head) {
        readLine(json, line, name, ++number, services, findings);
      }
      for (String line; (line = reader.readLine()) != null; ) {
        readLine(json, line, name, ++number, services, findings);
      }
      return new ServiceFile(services, findings);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String line : head) {
      all.write(line.getBytes(StandardCharsets.UTF_8));
      all.write('\n');
    }
    char[] buffer = new char[1 << 14];
    StringBuilder rest = new StringBuilder();
    for (int n; (n = reader.read(buffer)) > 0; ) {
      rest.append(buffer, 0, n);
    }
    all.write(rest.toString().getBytes(StandardCharsets.UTF_8));
    readDocument(json, all.toByteArray(), name, services, findings);
    return new ServiceFile(services, findings);
  }

  private static void readLine(OrukJson json, String line, String name, long number, List<Service> services,
      List<Finding> findings) throws IOException {
    if (line.isBlank()) {
      return;
    }
    ReadResult<Service> read;
    try {
      read = json.read(line, Service.class);
    } catch (OrukReadException e) {
      throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
    }
    services.add(read.value());
    for (ReadFinding finding : read.findings()) {
      findings.add(new Finding(number, finding));
    }
  }

  private static void readDocument(OrukJson json, byte[] bytes, String name, List<Service> services,
      List<Finding> findings) throws IOException {
    try {
      List<ReadFinding> treeFindings = new ArrayList<>();
      JsonNode tree = json.readTree(bytes, treeFindings);
      treeFindings.forEach(finding -> findings.add(new Finding(0, finding)));
      if (tree.isArray()) {
        int index = 0;
        for (JsonNode item : tree) {
          try {
            ReadResult<Service> read = json.read(item, Service.class);
            services.add(read.value());
            for (ReadFinding finding : read.findings()) {
              findings.add(new Finding(0, new ReadFinding(finding.code(), "/" + index + finding.pointer(),
                  finding.message())));
            }
          } catch (OrukReadException e) {
            throw new IOException(name + " item " + index + ": " + e.getMessage(), e);
          }
          index++;
        }
      } else if (tree.isObject()) {
        // A page or one service, ORUK 3.0 or legacy v1: the model's detector tells which.
        ReadResult<Document> read = new DocumentReader(json).read(tree, RecordType.SERVICE);
        if (read.value().value() instanceof Page<?> page) {
          page.contents().forEach(item -> services.add((Service) item));
        } else {
          services.add((Service) read.value().value());
        }
        read.findings().forEach(finding -> findings.add(new Finding(0, finding)));
      } else {
        throw new IOException(name + ": expected services as NDJSON, a JSON array, one service or a page of"
            + " services; found " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
      }
    } catch (OrukReadException e) {
      throw new IOException(name + ": " + e.getMessage(), e);
    }
  }
}
