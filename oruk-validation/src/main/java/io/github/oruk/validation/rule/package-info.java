/**
 * The rule SPI: small classes discovered through {@link java.util.ServiceLoader}, each with a stable code,
 * a category, a severity, targets and a fix.
 */
package io.github.oruk.validation.rule;
