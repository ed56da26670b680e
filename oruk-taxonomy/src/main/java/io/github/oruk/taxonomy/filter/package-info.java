/**
 * {@link io.github.oruk.taxonomy.filter.TermFilter}: a {@code Predicate<Service>} for "tagged with this term
 * or anything narrower, in any mapped scheme", for client streams and the in-memory server alike.
 */
@NullMarked
package io.github.oruk.taxonomy.filter;

import org.jspecify.annotations.NullMarked;
