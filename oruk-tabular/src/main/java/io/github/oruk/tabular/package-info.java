/**
 * The HSDS 3.0 Tabular Data Package, ORUK's second serialization: one CSV file per table and a
 * {@code datapackage.json} descriptor, records referring to each other by id.
 *
 * <p>{@link io.github.oruk.tabular.TabularPackage#read(java.nio.file.Path)} reads a folder or a {@code .zip}
 * into fully nested {@link io.github.oruk.model.Service}s, with every finding located as
 * {@code FILE:ROW:COLUMN}; {@link io.github.oruk.tabular.TabularPackage#write(java.util.List, java.nio.file.Path)}
 * writes services as a package whose descriptor comes from the project's spec document.
 */
@NullMarked
package io.github.oruk.tabular;

import org.jspecify.annotations.NullMarked;
