package io.github.oruk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code /}: which version and profile of the standard an API implements.
 *
 * @param version {@code version}; {@value #UK_3_0} for this profile
 * @param profile {@code profile}: where the profile is described
 * @param openapiUrl {@code openapi_url}: where the API's OpenAPI description is
 * @param extensions properties the standard does not define, in the order read; never null
 */
public record ApiDetails(@Nullable String version, @Nullable String profile, @Nullable String openapiUrl, Map<String, JsonNode> extensions) {

  /** The version string the official validator recognises for ORUK 3.0. */
  public static final String UK_3_0 = "HSDS-UK-3.0";

  /** Where the UK profile is documented; the default {@code profile} of an oruk-java server. */
  public static final String UK_PROFILE_URL = "https://openreferraluk.org/";

  public ApiDetails {
    extensions = extensions == null || extensions.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** API details without extensions. */
  public ApiDetails(String version, String profile, String openapiUrl) {
    this(version, profile, openapiUrl, Map.of());
  }
}
