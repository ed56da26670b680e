package io.github.oruk.hub;

import io.github.oruk.hub.store.HubStore;

/** Clusters, decisions and the merged view on the default store: an H2 file database in a folder. */
class H2ClusterTest extends ClusterContract {

  @Override
  HubStore openStore() {
    return HubStore.openFolder(folder.resolve("oruk-hub"));
  }
}
