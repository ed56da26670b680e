/**
 * A throwaway PostgreSQL for tests: a cluster of the test JVM's own on 127.0.0.1, when the machine has the
 * server binaries, so that a build needs no database started before it.
 */
@NullMarked
package io.github.oruk.testkit.postgres;

import org.jspecify.annotations.NullMarked;
