/** The {@code oruk} command line (picocli). Entry point: {@link io.github.oruk.cli.Oruk}. */
package io.github.oruk.cli;
