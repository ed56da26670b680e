package io.github.oruk.validation.rule;

import io.github.oruk.model.query.Endpoint;
import java.net.URI;

/**
 * How fast an endpoint of a live feed answered ({@link FeedRule#finished}).
 *
 * @param endpoint the endpoint
 * @param uri its address (with {@code id} for a by-id endpoint)
 * @param medianMillis the median answer time in milliseconds, or -1 when it never answered
 * @param answers how many answers the median is of
 */
public record EndpointTiming(Endpoint endpoint, URI uri, long medianMillis, int answers) {
}
