package io.github.oruk.validation;

/**
 * How one endpoint of a live feed did.
 *
 * @param path the endpoint's path template, such as {@code /services/{id}}
 * @param level 1 for the endpoints every publisher must offer ({@code /}, {@code /services},
 *     {@code /services/{id}}), 2 for the optional ones
 * @param status {@code passed}, {@code warnings}, {@code failed}, {@code not implemented} or {@code not checked}
 * @param requests how many requests were made to it
 * @param medianMillis median response time, or -1 when nothing was fetched
 * @param errors error findings about it
 * @param warnings warning findings about it
 */
public record EndpointResult(String path, int level, String status, int requests, long medianMillis, int errors,
    int warnings) {
}
