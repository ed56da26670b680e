/**
 * A seeded, deterministic generator of realistic ORUK 3.0 services, for tests and benchmarks.
 *
 * <p>{@link io.github.oruk.testkit.generate.DataGenerator} makes fully nested services that validate
 * against the ORUK 3.0 service schema; {@link io.github.oruk.testkit.generate.Quirk} lists the real-world
 * feed problems it can inject into their JSON, each with the code the lenient reader reports for it.
 *
 * <p>{@link io.github.oruk.testkit.generate.NearDuplicates} makes a labelled de-duplication set from generated
 * services: copies in several sources with realistic {@link io.github.oruk.testkit.generate.Variation variations},
 * branches of national organizations as hard negatives, and the ground truth
 * ({@link io.github.oruk.testkit.generate.LabelledSet}).
 *
 * <p>Generated attributes use a small sample vocabulary of service types written by this project for test
 * data ({@link io.github.oruk.testkit.generate.DataGenerator#sampleTaxonomy()}). It is not an official list.
 */
@NullMarked
package io.github.oruk.testkit.generate;

import org.jspecify.annotations.NullMarked;
