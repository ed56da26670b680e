/**
 * The register: which feeds a hub aggregates, with their publisher, licence, contact, taxonomy and how often
 * to refresh them, read from a YAML or JSON file or built in code.
 */
@NullMarked
package io.github.oruk.hub.register;

import org.jspecify.annotations.NullMarked;
