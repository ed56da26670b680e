package io.github.oruk.validation.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method as a compliance test of a live feed: the feed is validated once and the method runs once per
 * check, as its own test case named "CODE title" (such as {@code ORUK-PAGE-008 Same record on two pages}), so
 * IDEs list every check and fail only those that found errors. The method may be empty, or take the
 * {@link ComplianceResult.Check} (or the whole {@link ComplianceResult}) to assert more.
 *
 * <pre>{@code
 * @OrukComplianceTest(feed = "ourApi")          // a static method of the test class returning URI or String
 * void complies() {
 * }
 *
 * static URI ourApi() {
 *   return server.uri();                        // where the API answers "/", such as http://127.0.0.1:8080/
 * }
 * }</pre>
 *
 * <p>Give either {@link #url()} or {@link #feed()}. The method named by {@code feed} is called when the test
 * runs, so it can return the address of a server started in {@code @BeforeAll}; it must be static unless the
 * class uses {@code @TestInstance(PER_CLASS)}.
 *
 * <p>The method is a JUnit test template. Maven Surefire's XML reports name template runs by JUnit's legacy
 * name, {@code complies(Check)[1]}, whatever their display name; where a CI server reads those reports, a
 * {@code @TestFactory} returning {@link OrukAssertions#tests(java.net.URI)} is named "CODE title" there too.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(OrukComplianceExtension.class)
public @interface OrukComplianceTest {

  /** The feed's base URL, when it is fixed. */
  String url() default "";

  /** The name of a method of the test class, without parameters, that returns the base URL (URI or String). */
  String feed() default "";

  /** {@code strict} (the default), {@code parity}, or the path of a policy profile file. */
  String profile() default "strict";

  /** How many ids to look up per list (0 for all). */
  int sample() default 20;

  /** How many pages of each list to read. */
  int maxPages() default 20;

  /** How long the whole validation may take, in seconds. */
  int timeoutSeconds() default 120;
}
