/**
 * Taxonomies for ORUK directories: the model and term normalisation.
 *
 * <p>A {@link io.github.oruk.taxonomy.Scheme} is a taxonomy (a SKOS concept scheme) and a
 * {@link io.github.oruk.taxonomy.Concept} one of its terms; both are immutable, and schemes index their
 * concepts by URI, identifier, notation and label, tolerate poly-hierarchies and report cycles and other
 * problems instead of failing. A {@link io.github.oruk.taxonomy.TermNormalizer}, driven by a
 * {@link io.github.oruk.taxonomy.PrefixRegistry}, turns every spelling of a term reference (URI, CURIE,
 * bare code with a vocabulary name, label) into one canonical URI, or says why it cannot.
 * {@link io.github.oruk.taxonomy.OrukTaxonomies} converts to and from the ORUK {@code taxonomy} and
 * {@code taxonomy_term} records.
 *
 * <p>Sub-packages: {@code load} (SKOS JSON-LD, CSV, esd lists, ORUK feeds and files, mapping tables),
 * {@code crosswalk} (mappings between schemes, query expansion, the LGA needs-to-services fan-out),
 * {@code suggest} (service-type suggestions for taggers), {@code audit} (coverage and over-classification)
 * and {@code filter} (a service predicate for clients and servers).
 *
 * <p>The library ships no third-party taxonomy data: it loads what you point it at.
 */
@NullMarked
package io.github.oruk.taxonomy;

import org.jspecify.annotations.NullMarked;
