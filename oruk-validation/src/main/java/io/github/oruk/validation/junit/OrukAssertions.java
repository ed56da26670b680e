package io.github.oruk.validation.junit;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * ORUK compliance in a JUnit 5 test suite.
 *
 * <pre>{@code
 * @Test
 * void ourApiComplies() {
 *   OrukAssertions.assertCompliant(server.uri());   // e.g. http://127.0.0.1:8080/, where the API answers "/"
 * }
 *
 * @TestFactory                      // one test per check, named "CODE title", as IDEs and CI servers show them
 * Stream<DynamicTest> everyCheck() {
 *   return OrukAssertions.tests(server.uri());
 * }
 * }</pre>
 *
 * <p>{@link OrukComplianceTest} does the same as an annotation. A failure lists what was wrong, with codes,
 * addresses, JSON pointers and fixes. JUnit is an optional dependency of {@code oruk-validation}: a test suite
 * that uses this package has {@code junit-jupiter} already.
 */
public final class OrukAssertions {

  private OrukAssertions() {
  }

  /** Fails unless the feed complies under the strict profile (warnings are allowed). */
  public static ComplianceResult assertCompliant(URI feed) {
    return assertCompliant(feed, ComplianceOptions.defaults());
  }

  /** Fails unless the feed complies under the given options. */
  public static ComplianceResult assertCompliant(URI feed, ComplianceOptions options) {
    ComplianceResult result = FeedCompliance.check(feed, options);
    if (!result.compliant()) {
      throw new AssertionFailedError("the ORUK feed at " + feed + " does not comply (" + options.profile()
          + " profile):\n" + result.report());
    }
    return result;
  }

  /**
   * One dynamic test per check, named "CODE title": each fails with the errors that check found. Each test's
   * source is the feed's address with the check's code as the fragment, so Maven Surefire's XML reports name
   * it "CODE title" too.
   */
  public static Stream<DynamicTest> tests(URI feed) {
    return tests(feed, ComplianceOptions.defaults());
  }

  /** One dynamic test per check, under the given options. */
  public static Stream<DynamicTest> tests(URI feed, ComplianceOptions options) {
    ComplianceResult result = FeedCompliance.check(feed, options);
    return result.checks().stream().map(check -> DynamicTest.dynamicTest(check.code() + " " + check.title(),
        source(feed, check), () -> {
          if (!check.passed()) {
            throw new AssertionFailedError(describeFailure(check));
          }
        }));
  }

  /**
   * Where a check's test comes from: the feed, with the check's code as the fragment. Giving a dynamic test a
   * source of its own (rather than the factory method's) is also what makes Maven Surefire name it in its XML
   * reports by its display name, "CODE title", instead of JUnit's legacy name {@code factory()[n]}.
   */
  static URI source(URI feed, ComplianceResult.Check check) {
    return URI.create(feed.toString().replaceFirst("#.*$", "") + "#" + check.code());
  }

  static String describeFailure(ComplianceResult.Check check) {
    return check.code() + " " + check.title() + ": " + check.errors().size() + " problem"
        + (check.errors().size() == 1 ? "" : "s") + "\n  " + String.join("\n  ", check.errors());
  }
}
