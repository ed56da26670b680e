/**
 * Reading legacy ORUK v1 documents into the ORUK 3.0 model.
 *
 * <p>{@link io.github.oruk.model.v1.V1Mapper} recognises v1 services and Spring-style v1 pages and maps
 * them to ORUK 3.0 JSON trees ({@link io.github.oruk.model.v1.V1Mapping}), which the ordinary
 * {@link io.github.oruk.model.json.OrukJson} reader turns into model objects. Renamed and moved properties
 * are reported as {@code ORUK-V1-002}, properties without a 3.0 home are kept as extensions and reported as
 * {@code ORUK-V1-003}; nothing is dropped silently. {@link io.github.oruk.model.v1.PageBase} says whether a
 * v1 page counts its {@code number} from 0 (Spring) or 1 (LocalGov Drupal, Outpost), or asks for it to be
 * worked out.
 *
 * <p>The full mapping table is in {@code oruk-model/V1-MAPPING.md}.
 */
@NullMarked
package io.github.oruk.model.v1;

import org.jspecify.annotations.NullMarked;
