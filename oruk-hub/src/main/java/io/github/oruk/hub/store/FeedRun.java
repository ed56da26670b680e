package io.github.oruk.hub.store;

import org.jspecify.annotations.Nullable;

/**
 * One refresh of a feed as monitoring sees it: the refresh (status, counts, parity and strict verdicts) and
 * its availability, response times and top findings. {@link HubStore#history(String)} lists them.
 *
 * @param refresh the refresh as stored
 * @param monitoring what it saw of the feed as a service; null for a refresh still running, or stored before
 *     the hub monitored (schema V3)
 */
public record FeedRun(FeedRefresh refresh, @Nullable Monitoring monitoring) {
}
