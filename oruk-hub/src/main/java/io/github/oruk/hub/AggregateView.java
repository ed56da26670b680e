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
 * the value from the most recently assured source record wins. Records are ordered by the day of their
 * {@code assured_date}, else of their {@code last_modified}, else of when they last changed in the store (UTC),
 * latest first; on the same day by {@code last_modified}, then by when they last changed in the store, latest
 * first, then by aggregate id. The first record gives every property it has; a property it lacks (absent or
 * null) comes from the next record that has it. Lists (contacts, locations, schedules, service areas, ...) come
 * whole from the first record only, as they refer to each other by id; nothing is invented or combined. The
 * merged service's id is the cluster's. See the module's README.
 *
 * <p>A view reads the store when called: each call sees the clusters of the last de-duplication
 * ({@link Hub#deduplicate()}, run after every refresh) and the curators' decisions since.
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
