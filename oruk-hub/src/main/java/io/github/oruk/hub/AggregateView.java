package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The aggregate as one directory: one {@link MergedService} per cluster of records that describe the same
 * service, each merged by the hub's policy and keeping every source record it came from.
 *
 * <p>Only current records take part: read (their details stored) and not withdrawn. The policy, per field:
 * the value from the most recently assured source record wins (its {@code assured_date}, else its
 * {@code last_modified}, else when it last changed in the store); lists (contacts, locations, schedules,
 * ...) come whole from that same record; nothing is invented (a field that record lacks is taken from the
 * next most recently assured record that has it). See the module's README.
 *
 * <p>A view reads the store when called: each call sees the clusters of the last de-duplication
 * ({@code Hub.deduplicate()}, run after every refresh).
 */
public interface AggregateView {

  /** Every merged service, ordered by cluster id. */
  List<MergedService> services();

  /**
   * The merged service with this id: a cluster id, or the aggregate id of any record in the cluster (an id
   * that was merged into another cluster resolves to the cluster that took it in). Empty when no current
   * record has or had this id.
   */
  Optional<MergedService> service(UUID id);

  /** The merged view of a store's aggregate; {@link Hub#view()} for a hub's. */
  static AggregateView of(HubStore store) {
    return new StoreView(store);
  }
}
