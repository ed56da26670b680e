package io.github.oruk.hub.publish;

import io.github.oruk.hub.AggregateView;
import io.github.oruk.hub.SourceRecord;
import io.github.oruk.hub.store.HubStore;
import io.github.oruk.hub.store.StoredRecord;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A service the hub publishes, and the stored records it came from.
 *
 * @param id its id in the published directory: a record's aggregate id, or a cluster's id
 * @param service the service as it is to be published (its nested records keep their source ids: the
 *     {@link HubDirectory} gives them ids of the aggregate)
 * @param sources the aggregate ids of the stored records it came from, the one its values came from first; each
 *     is published with its provenance
 */
public record PublishedService(UUID id, Service service, List<UUID> sources) {

  private static final OrukJson JSON = OrukJson.lenient();

  /** Checks the parts and copies the list. */
  public PublishedService {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a published service comes from at least one stored record");
    }
  }

  /**
   * One service per cluster: the hub's merged view ({@link AggregateView}), each service's id its cluster's,
   * every source record it came from named. What {@code oruk hub serve} publishes.
   */
  public static List<PublishedService> clusters(HubStore store) {
    return AggregateView.of(store).services().stream().map(merged -> new PublishedService(merged.clusterId(),
        merged.service(), merged.sources().stream().map(SourceRecord::aggregateId).toList())).toList();
  }

  /**
   * One service per current record of the store: read (its details stored) and not withdrawn, by feed and
   * original id. The aggregate before de-duplication, for a directory that publishes every record as it came.
   */
  public static List<PublishedService> currentRecords(HubStore store) {
    List<PublishedService> current = new ArrayList<>();
    for (StoredRecord record : store.records()) {
      String document = record.document();
      if (record.live() && document != null) {
        Service service = JSON.read(document, Service.class).value();
        current.add(new PublishedService(record.aggregateId(), service, List.of(record.aggregateId())));
      }
    }
    return current;
  }
}
