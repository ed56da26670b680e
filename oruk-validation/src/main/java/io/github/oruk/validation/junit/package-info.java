/**
 * Compliance checks for JUnit 5 test suites, next to the engine that runs them:
 * {@link io.github.oruk.validation.junit.OrukAssertions} asserts that a feed complies, or produces one dynamic
 * test per check, and {@link io.github.oruk.validation.junit.OrukComplianceTest} turns a method into one test per
 * check, each named "CODE title". JUnit is an optional dependency of this module: it is on the class path of
 * the test suites that use this package, and nowhere else.
 *
 * <p>Until issue #14 this package was {@code io.github.oruk.testkit.compliance} in {@code oruk-testkit}, which
 * found the checker through {@link java.util.ServiceLoader}; only the package name changed for users.
 */
@NullMarked
package io.github.oruk.validation.junit;

import org.jspecify.annotations.NullMarked;
