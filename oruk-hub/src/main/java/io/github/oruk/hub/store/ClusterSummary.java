package io.github.oruk.hub.store;

/**
 * The clusters as they stand after a de-duplication or a decision.
 *
 * @param records current records (read, not withdrawn) in clusters
 * @param clusters clusters: the services of the merged view, each of one or more records
 * @param review pairs waiting for a curator ({@link HubStore#reviews()})
 */
public record ClusterSummary(int records, int clusters, int review) {
}
