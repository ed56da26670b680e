/**
 * The ORUK client: typed paging over {@code java.net.http}, feed readers and the harvester.
 *
 * <p>{@code java.net.http} is required transitively because it shows in the API: {@code RawResponse}
 * carries the answer's {@code HttpHeaders}.
 */
module io.github.oruk.client {
  requires transitive io.github.oruk.model;
  requires transitive java.net.http;

  exports io.github.oruk.client;
  exports io.github.oruk.client.harvest;
  exports io.github.oruk.client.paging;
}
