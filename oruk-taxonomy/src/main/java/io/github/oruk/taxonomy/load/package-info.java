/**
 * Loading taxonomies and mapping tables: SKOS as JSON-LD ({@link io.github.oruk.taxonomy.load.SkosLoader}),
 * CSV with configurable columns ({@link io.github.oruk.taxonomy.load.CsvLoader},
 * {@link io.github.oruk.taxonomy.load.CsvLayout}), the LG Inform Plus / esd JSON list format
 * ({@link io.github.oruk.taxonomy.load.EsdListLoader}), the taxonomies of a live ORUK feed
 * ({@link io.github.oruk.taxonomy.load.FeedTaxonomyLoader}, through a
 * {@link io.github.oruk.taxonomy.load.FeedReader} that the caller supplies), the terms embedded in services
 * ({@link io.github.oruk.taxonomy.load.ServiceTermsLoader}), any of these by detection
 * ({@link io.github.oruk.taxonomy.load.TaxonomyLoader}), and crosswalks
 * ({@link io.github.oruk.taxonomy.load.CrosswalkLoader}).
 *
 * <p>A source that cannot be read at all fails with a {@link io.github.oruk.taxonomy.load.TaxonomyLoadException}
 * naming it; records that cannot be read are skipped and reported on the scheme.
 */
@NullMarked
package io.github.oruk.taxonomy.load;

import org.jspecify.annotations.NullMarked;
