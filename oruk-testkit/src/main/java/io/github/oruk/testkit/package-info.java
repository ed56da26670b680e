/**
 * Test support for ORUK 3.0 publishers and consumers.
 *
 * <p>{@link io.github.oruk.testkit.generate} makes realistic, seeded, deterministic directory data, with
 * optional real-world quirks injected so that readers and validators can be tested against them.
 */
package io.github.oruk.testkit;
