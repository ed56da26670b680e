/**
 * Test support for ORUK 3.0 publishers and consumers.
 *
 * <p>{@link io.github.oruk.testkit.generate} makes realistic, seeded, deterministic directory data, with
 * optional real-world quirks injected so that readers and validators can be tested against them;
 * {@link io.github.oruk.testkit.feed} serves it as a misbehaving feed, and {@link io.github.oruk.testkit.fault}
 * puts a seeded fault proxy between any client and any server.
 */
package io.github.oruk.testkit;
