/**
 * Mappings between schemes and what can be done with them: a {@link io.github.oruk.taxonomy.crosswalk.Crosswalk}
 * resolves a term to its counterparts in other schemes with the match strength (transitively, cycle-safe),
 * and a {@link io.github.oruk.taxonomy.crosswalk.TermExpander} expands a query term to its narrower terms in
 * every mapped scheme and fans a need or circumstance out to service types (the LGA model).
 */
@NullMarked
package io.github.oruk.taxonomy.crosswalk;

import org.jspecify.annotations.NullMarked;
