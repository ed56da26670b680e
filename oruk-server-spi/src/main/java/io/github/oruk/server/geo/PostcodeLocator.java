package io.github.oruk.server.geo;

import java.util.Optional;

/**
 * Finds where a postcode is, for {@code postcode} and {@code proximity} queries. Plug in a real source
 * (an ONS Postcode Directory table, a postcodes.io mirror, your address gazetteer) by implementing this one
 * method; {@link KnownPostcodes} is an offline one built from the addresses a directory already holds.
 *
 * <pre>{@code
 * PostcodeLocator onspd = postcode -> Postcodes.normalize(postcode)
 *     .flatMap(pc -> myTable.find(pc))                            // your lookup
 *     .map(row -> new PostcodePlace(row.postcode(), row.lat(), row.lon(), Set.of(row.district())));
 * }</pre>
 *
 * <p>Implementations must be thread-safe; they are called for every request that uses a postcode.
 */
@FunctionalInterface
public interface PostcodeLocator {

  /**
   * Where the postcode is, or empty when it is unknown (the SDK then answers 400 naming {@code postcode}).
   *
   * @param postcode the postcode as the client typed it (tidy it with {@link Postcodes#normalize})
   */
  Optional<PostcodePlace> locate(String postcode);
}
