package io.github.oruk.client.harvest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oruk.client.paging.PagingCode;
import io.github.oruk.client.paging.PagingFinding;
import io.github.oruk.model.v1.PageBase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a harvest has done so far, saved so that an interrupted harvest can carry on. It is a small JSON
 * file, always replaced atomically (written to a temporary file beside it, then moved over it), so a crash
 * leaves either the old checkpoint or the new one, never half of one.
 *
 * <p>It records the feed and query (a resume must use the same ones), where listing had got to, every
 * service id delivered, the failures (retried on resume), and the sink's position at that moment (see
 * {@link HarvestSink#position()}).
 *
 * @param feed the feed's base URI
 * @param query the list query string, without {@code page}
 * @param startedAt when the first run of this harvest started: the {@code modified_after} for the next
 *     incremental harvest
 * @param savedAt when this checkpoint was written
 * @param nextPage the list page to carry on from, in the feed's numbering; null to start at the first page
 * @param listingDone whether every list page has been read
 * @param legacyPageBase for a legacy v1 feed, how it counts pages; null for ORUK 3.0
 * @param sinkPosition the sink's position when the checkpoint was written, or -1
 * @param duplicates records skipped as duplicates so far
 * @param delivered the ids of every service delivered so far
 * @param failed what failed so far (services are retried on resume)
 * @param findings what the paging guard noticed so far
 */
public record HarvestCheckpoint(URI feed, String query, Instant startedAt, Instant savedAt, @Nullable Integer nextPage,
    boolean listingDone, @Nullable PageBase legacyPageBase, long sinkPosition, long duplicates, Set<String> delivered,
    List<HarvestFailure> failed, List<PagingFinding> findings) {

  private static final String FORMAT = "oruk-harvest-checkpoint";
  private static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public HarvestCheckpoint {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(savedAt, "savedAt");
    delivered = Collections.unmodifiableSet(new LinkedHashSet<>(delivered));
    failed = List.copyOf(failed);
    findings = List.copyOf(findings);
  }

  /**
   * Reads a checkpoint file.
   *
   * @return empty when the file does not exist
   * @throws IOException when it cannot be read or is not a harvest checkpoint
   */
  public static Optional<HarvestCheckpoint> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not a harvest checkpoint (it is not JSON: " + e.getOriginalMessage()
          + "); give another file, or delete it to start afresh", e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new IOException(file + " is not a version-" + VERSION + " harvest checkpoint (its 'format' is not \""
          + FORMAT + "\"); give another file, or delete it to start afresh");
    }
    try {
      Set<String> delivered = new LinkedHashSet<>();
      root.path("delivered").forEach(id -> delivered.add(id.asText()));
      List<HarvestFailure> failed = new ArrayList<>();
      for (JsonNode f : root.path("failed")) {
        failed.add(new HarvestFailure(f.hasNonNull("id") ? f.get("id").asText() : null,
            URI.create(f.path("uri").asText()), f.hasNonNull("status") ? f.get("status").asInt() : null,
            f.path("cause").asText()));
      }
      List<PagingFinding> findings = new ArrayList<>();
      for (JsonNode f : root.path("findings")) {
        // "kind" names the guard's kind exactly (two kinds share a code); checkpoints written before it was
        // added carry only "code", which then is the kind's earlier ORUK-PAGING code.
        PagingCode code = PagingCode.find(f.path("kind").asText(f.path("code").asText())).orElse(null);
        if (code != null) {
          findings.add(new PagingFinding(code, URI.create(f.path("uri").asText()), f.path("pointer").asText(),
              f.path("message").asText(), f.hasNonNull("observed") ? f.get("observed").asText() : null));
        }
      }
      JsonNode listing = root.path("listing");
      return Optional.of(new HarvestCheckpoint(
          URI.create(root.path("feed").asText()),
          root.path("query").asText(),
          Instant.parse(root.path("started_at").asText()),
          Instant.parse(root.path("saved_at").asText()),
          listing.hasNonNull("next_page") ? listing.get("next_page").asInt() : null,
          listing.path("done").asBoolean(),
          listing.hasNonNull("legacy_page_base") ? PageBase.valueOf(listing.get("legacy_page_base").asText()) : null,
          root.path("sink_position").asLong(-1),
          root.path("duplicates").asLong(),
          delivered, failed, findings));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IOException(file + " is a damaged harvest checkpoint (" + e.getMessage() + "); delete it to start"
          + " afresh", e);
    }
  }

  /** Writes the checkpoint to {@code file} atomically: a temporary file beside it, then a move over it. */
  public void write(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = Files.createTempFile(directory, absolute.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary);
          JsonGenerator json = new JsonFactory().createGenerator(out)) {
        writeJson(json);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("version", VERSION);
    json.writeStringField("feed", feed.toString());
    json.writeStringField("query", query);
    json.writeStringField("started_at", startedAt.toString());
    json.writeStringField("saved_at", savedAt.toString());
    json.writeObjectFieldStart("listing");
    if (nextPage != null) {
      json.writeNumberField("next_page", nextPage);
    }
    json.writeBooleanField("done", listingDone);
    if (legacyPageBase != null) {
      json.writeStringField("legacy_page_base", legacyPageBase.name());
    }
    json.writeEndObject();
    json.writeNumberField("sink_position", sinkPosition);
    json.writeNumberField("duplicates", duplicates);
    json.writeNumberField("delivered_count", delivered.size());
    json.writeArrayFieldStart("failed");
    for (HarvestFailure failure : failed) {
      json.writeStartObject();
      if (failure.id() != null) {
        json.writeStringField("id", failure.id());
      }
      json.writeStringField("uri", failure.uri().toString());
      if (failure.status() != null) {
        json.writeNumberField("status", failure.status());
      }
      json.writeStringField("cause", failure.cause());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("findings");
    for (PagingFinding finding : findings) {
      json.writeStartObject();
      json.writeStringField("code", finding.code().code());
      json.writeStringField("kind", finding.code().name());
      json.writeStringField("uri", finding.uri().toString());
      json.writeStringField("pointer", finding.pointer());
      json.writeStringField("message", finding.message());
      if (finding.observed() != null) {
        json.writeStringField("observed", finding.observed());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("delivered");
    for (String id : delivered) {
      json.writeString(id);
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
