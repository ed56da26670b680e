/**
 * Compliance checks for JUnit 5 test suites: {@link io.github.oruk.testkit.compliance.OrukAssertions}
 * asserts that a feed complies, or produces one dynamic test per check, and
 * {@link io.github.oruk.testkit.compliance.OrukComplianceTest} turns a method into one test per check. The
 * checker itself comes from {@code oruk-validation}, found with {@link java.util.ServiceLoader}.
 */
package io.github.oruk.testkit.compliance;
