package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The merged view over a store. (First cut: one merged service per current record; clusters follow.) */
final class StoreView implements AggregateView {

  private static final OrukJson JSON = OrukJson.lenient();

  private final HubStore store;

  StoreView(HubStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<MergedService> services() {
    List<MergedService> merged = new ArrayList<>();
    for (StoredRecord record : store.records()) {
      if (record.live() && record.document() != null && record.lastChanged() != null) {
        merged.add(merge(record));
      }
    }
    merged.sort(Comparator.comparing(MergedService::clusterId));
    return merged;
  }

  @Override
  public Optional<MergedService> service(UUID id) {
    return store.record(id).filter(r -> r.live() && r.document() != null && r.lastChanged() != null)
        .map(StoreView::merge);
  }

  private static MergedService merge(StoredRecord record) {
    Service service = JSON.read(Objects.requireNonNull(record.document()), Service.class).value();
    service.setId(record.aggregateId().toString());
    Instant modified = service.getLastModified() == null ? null : service.getLastModified().toInstant();
    return new MergedService(record.aggregateId(), service, List.of(new SourceRecord(record.feed(),
        record.originalId(), record.aggregateId(), Objects.requireNonNull(record.lastChanged()),
        service.getAssuredDate(), modified)));
  }
}
