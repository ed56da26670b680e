package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;

/** The aggregation on the default store: an H2 file database in a folder. */
class H2AggregationTest extends AggregationContract {

  @Override
  HubStore openStore() {
    return HubStore.openFolder(folder.resolve("oruk-hub"));
  }
}
