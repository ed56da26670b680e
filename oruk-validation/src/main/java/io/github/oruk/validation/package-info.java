/**
 * The ORUK compliance and data-quality engine.
 *
 * <p>{@link io.github.oruk.validation.Validator} checks documents (a record, a page, an NDJSON file of
 * services) with every enabled {@link io.github.oruk.validation.rule.Rule}, under a
 * {@link io.github.oruk.validation.profile.Profile}, into a
 * {@link io.github.oruk.validation.ValidationReport} with a {@link io.github.oruk.validation.Verdict}.
 */
@NullMarked
package io.github.oruk.validation;

import org.jspecify.annotations.NullMarked;
