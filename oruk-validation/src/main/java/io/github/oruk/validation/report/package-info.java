/** Writing validation reports: text (for terminals), JSON (stable), JUnit XML (for CI) and HTML (self-contained). */
package io.github.oruk.validation.report;
