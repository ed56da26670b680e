/**
 * The hub's store: records with their provenance (source feed, original id, first and last seen, last
 * changed, content hash, withdrawal), each record's change history, each refresh's verdicts, counts and
 * failures; an H2 file by default, PostgreSQL by JDBC URL, its schema kept by Flyway migrations.
 */
@NullMarked
package io.github.oruk.hub.store;

import org.jspecify.annotations.NullMarked;
