package io.github.oruk.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The merged view over a store's clusters ({@link AggregateView} states the policy).
 *
 * <p>The merge works on the stored JSON documents: the winning record's document whole, then each property it
 * lacks (absent or null) from the next record in the order that has it, arrays excepted. Lists come only from the
 * winner because they refer to one another by id (a schedule to a service at location, a phone to a contact):
 * lists from several records could join what no feed said. The id becomes the cluster's.
 */
final class StoreView implements AggregateView {

  private static final OrukJson JSON = OrukJson.lenient();

  /** The most recently assured first: day, then last_modified, then last changed in the store, then id. */
  private static final Comparator<Candidate> POLICY = Comparator.comparing(Candidate::day).reversed()
      .thenComparing(Candidate::lastModified, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).reversed())
      .thenComparing(Candidate::lastChanged, Comparator.reverseOrder())
      .thenComparing(c -> c.source().aggregateId());

  private final HubStore store;

  StoreView(HubStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<MergedService> services() {
    // The clusters first: a refresh running meanwhile may add records, but never deletes one, so every
    // clustered record is among those read after.
    Map<UUID, List<UUID>> clusters = store.clusters();
    Map<UUID, StoredRecord> records = new HashMap<>();
    for (StoredRecord record : store.records()) {
      records.put(record.aggregateId(), record);
    }
    List<MergedService> merged = new ArrayList<>();
    clusters.forEach((cluster, members) -> merged.add(merge(cluster,
        members.stream().map(id -> Objects.requireNonNull(records.get(id))).toList())));
    return merged;
  }

  @Override
  public Optional<MergedService> service(UUID id) {
    return store.resolve(id).flatMap(cluster -> {
      List<StoredRecord> members = store.members(cluster);
      return members.isEmpty() ? Optional.empty() : Optional.of(merge(cluster, members));
    });
  }

  /** A record with the dates the policy orders by. */
  private record Candidate(SourceRecord source, ObjectNode document, LocalDate day, @Nullable Instant lastModified,
      Instant lastChanged) {
  }

  private static MergedService merge(UUID cluster, List<StoredRecord> members) {
    List<Candidate> candidates = new ArrayList<>();
    for (StoredRecord record : members) {
      candidates.add(candidate(record));
    }
    candidates.sort(POLICY);
    ObjectNode merged = candidates.get(0).document().deepCopy();
    for (Candidate other : candidates.subList(1, candidates.size())) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = other.document().fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode mine = merged.get(field.getKey());
        if ((mine == null || mine.isNull()) && !field.getValue().isNull() && !field.getValue().isArray()) {
          merged.set(field.getKey(), field.getValue());
        }
      }
    }
    merged.put("id", cluster.toString());
    Service service = JSON.read(merged, Service.class).value();
    return new MergedService(cluster, service, candidates.stream().map(Candidate::source).toList());
  }

  private static Candidate candidate(StoredRecord record) {
    String document = Objects.requireNonNull(record.document(), "a current record has its document");
    Instant lastChanged = Objects.requireNonNull(record.lastChanged(), "a read record has changed once");
    JsonNode tree = JSON.readTree(document.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
    ObjectNode object = tree instanceof ObjectNode node ? node : JSON.objectNode();
    LocalDate assured = date(object.path("assured_date").asText(""));
    Instant modified = instant(object.path("last_modified").asText(""));
    LocalDate day = assured != null ? assured
        : (modified != null ? modified : lastChanged).atOffset(ZoneOffset.UTC).toLocalDate();
    return new Candidate(new SourceRecord(record.feed(), record.originalId(), record.aggregateId(), lastChanged,
        assured, modified), object, day, modified, lastChanged);
  }

  private static @Nullable LocalDate date(String text) {
    try {
      return text.isEmpty() ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Instant instant(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
