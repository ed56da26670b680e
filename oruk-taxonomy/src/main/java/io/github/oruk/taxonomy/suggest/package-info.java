/**
 * A tagging assistant: {@link io.github.oruk.taxonomy.suggest.TypeSuggester} ranks the service types of a
 * scheme for a service's name and description, with scores from 0 to 1 and the words that matched, and
 * returns nothing when no type reaches its minimum score ("no good match");
 * {@link io.github.oruk.taxonomy.suggest.Evaluation} measures it on labelled examples.
 */
@NullMarked
package io.github.oruk.taxonomy.suggest;

import org.jspecify.annotations.NullMarked;
