/**
 * Spring Boot 3.5 auto-configuration for oruk-java.
 *
 * <ul>
 *   <li>{@link io.github.oruk.spring.boot.OrukServerAutoConfiguration}: a {@code DirectoryProvider} bean is
 *       published as an ORUK 3.0 API by the SDK's servlet ({@code oruk.server.*}), and the application's error
 *       pages answer with the SDK's JSON errors;</li>
 *   <li>{@link io.github.oruk.spring.boot.OrukClientAutoConfiguration}: an {@code OrukClient} bean from
 *       {@code oruk.client.*};</li>
 *   <li>{@link io.github.oruk.spring.boot.OrukHealthAutoConfiguration}: with Actuator, the health of the feeds
 *       in {@code oruk.health.feeds}.</li>
 * </ul>
 *
 * <p>The properties are in {@link io.github.oruk.spring.boot.OrukServerProperties},
 * {@link io.github.oruk.spring.boot.OrukClientProperties} and {@link io.github.oruk.spring.boot.OrukHealthProperties};
 * IDEs complete them from the configuration metadata in the jar.
 */
@NullMarked
package io.github.oruk.spring.boot;

import org.jspecify.annotations.NullMarked;
