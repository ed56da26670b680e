/** Placeholder; see the module README. */
package io.github.oruk.taxonomy;
