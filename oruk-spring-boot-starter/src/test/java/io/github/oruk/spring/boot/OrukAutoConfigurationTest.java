package io.github.oruk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oruk.client.OrukClient;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.OrukApi;
import io.github.oruk.server.Throttle;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.server.servlet.OrukServlet;
import io.github.oruk.testkit.feed.FakeFeed;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.ErrorPageRegistrar;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;

/** The auto-configurations' conditions and properties, in contexts without a web server (cheap to start). */
class OrukAutoConfigurationTest {

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(OrukServerAutoConfiguration.class, OrukClientAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class Provider {
    @Bean
    DirectoryProvider directory() {
      return InMemoryDirectory.builder().build();
    }
  }

  private static java.util.Collection<String> mappings(ServletRegistrationBean<?> registration) {
    return registration.getUrlMappings();
  }

  @Test
  void aProviderInAServletApplicationIsServedAtTheRootsOwnPathsAndTheErrorPage() {
    web.withUserConfiguration(Provider.class).run(context -> {
      ServletRegistrationBean<?> registration = context.getBean("orukServlet", ServletRegistrationBean.class);
      assertThat(registration.getServlet()).isInstanceOf(OrukServlet.class);
      assertThat(registration.getUrlMappings()).containsExactlyInAnyOrder("", "/openapi.json", "/services/*",
          "/service_at_locations/*", "/organizations/*", "/taxonomies/*", "/taxonomy_terms/*", "/error");
      assertThat(context).hasSingleBean(ErrorPageRegistrar.class);
      assertThat(context.getBean(OrukApi.class).throttle()).isEmpty();
    });
  }

  @Test
  void aPathTakesEverythingBelowItAndErrorPagesCanBeLeftToSpring() {
    web.withUserConfiguration(Provider.class)
        .withPropertyValues("oruk.server.path=/oruk/", "oruk.server.error-pages=false")
        .run(context -> {
          assertThat(mappings(context.getBean("orukServlet", ServletRegistrationBean.class)))
              .containsExactly("/oruk/*");
          assertThat(context).doesNotHaveBean(ErrorPageRegistrar.class);
        });
  }

  @Test
  void nothingIsServedWithoutAProviderOrOutsideAServletApplication() {
    web.run(context -> assertThat(context).doesNotHaveBean(OrukApi.class).doesNotHaveBean("orukServlet"));
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OrukServerAutoConfiguration.class))
        .withUserConfiguration(Provider.class)
        .run(context -> assertThat(context).doesNotHaveBean(OrukApi.class).doesNotHaveBean("orukServlet"));
  }

  @Test
  void anApiOfTheApplicationsOwnIsServedInstead() {
    OrukApi own = OrukApi.builder(InMemoryDirectory.builder().build()).defaultPerPage(5).maxPerPage(7).build();
    web.withUserConfiguration(Provider.class).withBean(OrukApi.class, () -> own)
        .run(context -> assertThat(context.getBean(OrukApi.class)).isSameAs(own));
  }

  @Test
  void throttlePropertiesBindToTheSdksThrottle() {
    web.withUserConfiguration(Provider.class)
        .withPropertyValues("oruk.server.throttle.rate=2.5", "oruk.server.throttle.burst=4")
        .run(context -> assertThat(context.getBean(OrukApi.class).throttle()).contains(Throttle.perClient(2.5, 4)));
    web.withUserConfiguration(Provider.class).withPropertyValues("oruk.server.throttle.rate=2.5")
        .run(context -> assertThat(context.getBean(OrukApi.class).throttle()).contains(Throttle.perClient(2.5, 3)));
  }

  @Test
  void aBurstWithoutARateOrAnImpossibleRateStopsTheApplicationSayingWhy() {
    web.withUserConfiguration(Provider.class).withPropertyValues("oruk.server.throttle.burst=4")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("oruk.server.throttle.rate is not set"));
    web.withUserConfiguration(Provider.class).withPropertyValues("oruk.server.throttle.rate=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("requestsPerSecond must be above 0"));
  }

  @Test
  void theThrottleAppliesToRequests() {
    web.withUserConfiguration(Provider.class)
        .withPropertyValues("oruk.server.throttle.rate=0.001", "oruk.server.throttle.burst=2")
        .run(context -> {
          OrukServlet servlet = (OrukServlet) context.getBean("orukServlet", ServletRegistrationBean.class).getServlet();
          servlet.init(new MockServletConfig());
          int[] statuses = new int[3];
          MockHttpServletResponse last = null;
          for (int i = 0; i < statuses.length; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/services");
            request.setRemoteAddr("192.0.2.7");
            last = new MockHttpServletResponse();
            servlet.service(request, last);
            statuses[i] = last.getStatus();
          }
          assertThat(statuses).containsExactly(200, 200, 429);
          assertThat(last.getHeader("Retry-After")).isNotBlank();
          assertThat(last.getContentAsString()).contains("\"error\":\"too_many_requests\"");
        });
  }

  @Test
  void aClientIsBuiltFromItsPropertiesOnlyWhenABaseUrlIsSet() throws Exception {
    web.run(context -> assertThat(context).doesNotHaveBean(OrukClient.class));
    try (FakeFeed feed = FakeFeed.builder().services(3).start()) {
      web.withPropertyValues("oruk.client.base-url=" + feed.baseUri() + "services",
              "oruk.client.max-requests-per-second=10", "oruk.client.request-timeout=5s")
          .run(context -> {
            OrukClient client = context.getBean(OrukClient.class);
            assertThat(client.baseUri()).isEqualTo(feed.baseUri());
            assertThat(context.getBean(OrukClientProperties.class).getRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
              assertThat(client.apiDetails().value().version()).isEqualTo("HSDS-UK-3.0");
            }
            // 10 a second, evenly spaced: five requests take at least four gaps of 100 ms, however fast the feed.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
          });
    }
  }

  @Test
  void theClientsOptionsReachTheSdkWhichRefusesImpossibleOnes() {
    web.withPropertyValues("oruk.client.base-url=http://127.0.0.1:9/", "oruk.client.request-timeout=-1s")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("requestTimeout must be positive"));
    web.withPropertyValues("oruk.client.base-url=http://127.0.0.1:9/", "oruk.client.max-requests-per-second=-1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("maxRequestsPerSecond must be 0 (no limit) or more"));
    web.withPropertyValues("oruk.client.base-url=ftp://example.org/")
        .run(context -> assertThat(context).getFailure().hasMessageContaining("oruk.client is not a usable client"));
  }

  @Test
  void anApplicationsOwnClientIsKept() {
    OrukClient own = OrukClient.create("http://127.0.0.1:9/");
    web.withPropertyValues("oruk.client.base-url=http://127.0.0.1:8/").withBean(OrukClient.class, () -> own)
        .run(context -> assertThat(context.getBean(OrukClient.class)).isSameAs(own));
    assertThat(own.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9/"));
  }
}
