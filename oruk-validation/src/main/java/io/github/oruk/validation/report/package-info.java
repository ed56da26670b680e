/** Writing validation reports: text (for terminals), JSON (stable), JUnit XML (for CI) and HTML (self-contained). */
@NullMarked
package io.github.oruk.validation.report;

import org.jspecify.annotations.NullMarked;
