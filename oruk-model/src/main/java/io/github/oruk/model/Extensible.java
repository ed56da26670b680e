package io.github.oruk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An ORUK record that keeps what the standard does not define.
 *
 * <p>Publishers may add their own properties (Bristol's feed sends {@code pc_metadata}, for example), and
 * real feeds send values that do not fit a property's type. Neither is thrown away: the reader puts them
 * here, keyed by the JSON property name, in the order they were read, and reports each one as a finding.
 * A value parked under the name of a property the standard does define (say a {@code status} of
 * {@code "Active "}) leaves that typed property empty.
 *
 * <p>The strict writer leaves extensions out; {@code OrukJson} writes them back when asked
 * ({@code WriteOptions.keepExtensions()}), so a lenient read followed by such a write loses nothing.
 */
public interface Extensible {

  /** The live, ordered map of extension values; never null, empty when there are none. */
  Map<String, JsonNode> getExtensions();

  /** Adds or replaces one extension value. */
  void putExtension(String name, JsonNode value);

  /** Whether any extension value is present (cheaper than {@code getExtensions().isEmpty()}). */
  boolean hasExtensions();
}
