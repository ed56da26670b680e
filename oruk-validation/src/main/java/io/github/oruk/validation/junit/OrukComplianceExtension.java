package io.github.oruk.validation.junit;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@link OrukComplianceTest} methods: validates the feed once, then yields one invocation per check.
 * Registered by the annotation; there is no need to name it in {@code @ExtendWith}.
 */
final class OrukComplianceExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, OrukComplianceTest.class))
        .orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    OrukComplianceTest settings = AnnotationSupport.findAnnotation(method, OrukComplianceTest.class).orElseThrow();
    URI feed = feed(settings, context);
    ComplianceOptions options = new ComplianceOptions(settings.profile(), settings.sample(), settings.maxPages(),
        Duration.ofSeconds(settings.timeoutSeconds()));
    ComplianceResult result = FeedCompliance.check(feed, options);
    return result.checks().stream().map(check -> new CheckInvocation(result, check));
  }

  private static URI feed(OrukComplianceTest settings, ExtensionContext context) {
    boolean hasUrl = !settings.url().isBlank();
    boolean hasMethod = !settings.feed().isBlank();
    if (hasUrl == hasMethod) {
      throw new ExtensionConfigurationException("@OrukComplianceTest on " + context.getRequiredTestMethod().getName()
          + " needs exactly one of url = \"http://...\" or feed = \"methodName\"; it has "
          + (hasUrl ? "both" : "neither"));
    }
    if (hasUrl) {
      return URI.create(settings.url());
    }
    Class<?> testClass = context.getRequiredTestClass();
    Method source = ReflectionSupport.findMethod(testClass, settings.feed()).orElseThrow(() ->
        new ExtensionConfigurationException("@OrukComplianceTest(feed = \"" + settings.feed() + "\"): "
            + testClass.getName() + " has no method " + settings.feed() + "() without parameters"));
    Object target = null;
    if (!java.lang.reflect.Modifier.isStatic(source.getModifiers())) {
      target = context.getTestInstance().orElseThrow(() -> new ExtensionConfigurationException(
          "@OrukComplianceTest(feed = \"" + settings.feed() + "\"): the method must be static, or the class must"
              + " use @TestInstance(Lifecycle.PER_CLASS)"));
    }
    Object address = ReflectionSupport.invokeMethod(source, target);
    if (address instanceof URI uri) {
      return uri;
    }
    if (address instanceof String text && !text.isBlank()) {
      return URI.create(text);
    }
    throw new ExtensionConfigurationException("@OrukComplianceTest(feed = \"" + settings.feed() + "\"): expected "
        + settings.feed() + "() to return a URI or a String, but it returned " + address);
  }

  /** One check as one test case. */
  private record CheckInvocation(ComplianceResult result, ComplianceResult.Check check)
      implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return check.code() + " " + check.title();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(), (BeforeTestExecutionCallback) context -> {
        if (!check.passed()) {
          throw new AssertionFailedError(OrukAssertions.describeFailure(check));
        }
      });
    }

    /** Gives the method the check or the whole result, if it asks for them. */
    private final class Resolver implements ParameterResolver {
      @Override
      public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ComplianceResult.Check.class || type == ComplianceResult.class;
      }

      @Override
      public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ComplianceResult.class ? result : check;
      }
    }
  }
}
