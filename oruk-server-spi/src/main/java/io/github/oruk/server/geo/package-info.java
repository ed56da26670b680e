/**
 * Places for {@code postcode} and {@code proximity} queries: the pluggable {@link
 * io.github.oruk.server.geo.PostcodeLocator}, an offline one built from a directory's own addresses
 * ({@link io.github.oruk.server.geo.KnownPostcodes}), UK postcode tidying and distances.
 */
@NullMarked
package io.github.oruk.server.geo;

import org.jspecify.annotations.NullMarked;
