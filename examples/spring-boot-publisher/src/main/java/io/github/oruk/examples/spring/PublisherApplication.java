package io.github.oruk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole application: Spring Boot finds {@link ServiceTable}, a {@code DirectoryProvider}, and
 * oruk-spring-boot-starter publishes it as an ORUK 3.0 API.
 */
@SpringBootApplication
public class PublisherApplication {

  public static void main(String[] args) {
    SpringApplication.run(PublisherApplication.class, args);
  }
}
