/**
 * A tagging assistant: {@link io.github.oruk.taxonomy.suggest.TypeSuggester} ranks the service types of a
 * scheme for a service's name and description, with scores and the words that matched;
 * {@link io.github.oruk.taxonomy.suggest.Evaluation} measures it on labelled examples.
 */
package io.github.oruk.taxonomy.suggest;
