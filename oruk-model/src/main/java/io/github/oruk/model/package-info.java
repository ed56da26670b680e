/**
 * ORUK 3.0 as Java types.
 *
 * <p>The record classes ({@link io.github.oruk.model.Service}, {@link io.github.oruk.model.Organization},
 * {@link io.github.oruk.model.ServiceAtLocation}, ... and the enumerations such as
 * {@link io.github.oruk.model.ServiceStatus}) are generated at build time from the project's spec
 * document, {@code oruk-model/src/main/spec/oruk-3.0.yaml}, which is also packaged in this jar under
 * {@code io/github/oruk/model/spec/oruk-3.0.yaml}. Every record implements
 * {@link io.github.oruk.model.Extensible}, so properties the standard does not define are kept.
 *
 * <p>Hand-written here: {@link io.github.oruk.model.Page} (the paging envelope),
 * {@link io.github.oruk.model.ApiDetails} (the {@code /} document) and
 * {@link io.github.oruk.model.RecordType}. Reading and writing JSON is
 * {@link io.github.oruk.model.json.OrukJson}.
 */
@NullMarked
package io.github.oruk.model;

import org.jspecify.annotations.NullMarked;
