/**
 * The service finder: a static page for people looking for a service (search words, postcode and distance,
 * service type, age, open now), served beside the ORUK endpoints by {@link io.github.oruk.server.finder.Finder}
 * and working against any CORS-enabled ORUK 3.0 feed.
 */
@NullMarked
package io.github.oruk.server.finder;

import org.jspecify.annotations.NullMarked;
