/**
 * A Spring Boot application that publishes one JDBC table as an ORUK 3.0 API: a {@code DirectoryProvider}
 * component and oruk-spring-boot-starter.
 */
package io.github.oruk.examples.spring;
