/**
 * The rule SPI: small classes discovered through {@link java.util.ServiceLoader}, each with a stable code,
 * a category, a severity, targets and a fix: {@link io.github.oruk.validation.rule.RecordRule} for one record,
 * {@link io.github.oruk.validation.rule.DocumentRule} for a whole document and
 * {@link io.github.oruk.validation.rule.FeedRule} for a live API, with what each is given
 * ({@code RecordContext}, {@code DocumentContext}, {@code FeedContext}).
 */
@NullMarked
package io.github.oruk.validation.rule;

import org.jspecify.annotations.NullMarked;
