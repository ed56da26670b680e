/**
 * Test support for ORUK 3.0 publishers and consumers.
 *
 * <p>{@code io.github.oruk.testkit.generate} makes realistic, seeded, deterministic directory data, with
 * optional real-world quirks injected so that readers and validators can be tested against them;
 * {@code io.github.oruk.testkit.feed} serves it as a misbehaving feed, {@code io.github.oruk.testkit.fault}
 * puts a seeded fault proxy between any client and any server, and {@code io.github.oruk.testkit.hostile}
 * plays the clients that stall, never read or flood; {@code io.github.oruk.testkit.postgres} starts a throwaway
 * PostgreSQL for tests that need one.
 */
module io.github.oruk.testkit {
  requires transitive io.github.oruk.model;
  requires jdk.httpserver;

  exports io.github.oruk.testkit.fault;
  exports io.github.oruk.testkit.feed;
  exports io.github.oruk.testkit.generate;
  exports io.github.oruk.testkit.hostile;
  exports io.github.oruk.testkit.postgres;
}
