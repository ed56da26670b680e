package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Set;

/**
 * Coordinates: outside the globe (ORUK-GEO-001), outside the United Kingdom and the Crown Dependencies
 * (ORUK-GEO-002, a warning: some services are delivered from abroad), or half there or at 0,0
 * (ORUK-GEO-003).
 */
public final class GeoRule implements RecordRule {

  static final RuleInfo RANGE = RuleInfo.registered("ORUK-GEO-001", DATA_QUALITY, Set.of(RecordType.LOCATION));
  static final RuleInfo UK = RuleInfo.registered("ORUK-GEO-002", DATA_QUALITY, Set.of(RecordType.LOCATION));
  static final RuleInfo PARTIAL = RuleInfo.registered("ORUK-GEO-003", DATA_QUALITY, Set.of(RecordType.LOCATION));

  /** A box around the UK, the Channel Islands and the Isle of Man. */
  private static final double SOUTH = 49.0;
  private static final double NORTH = 61.0;
  private static final double WEST = -8.8;
  private static final double EAST = 2.0;

  @Override
  public RuleInfo info() {
    return UK;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(RANGE, UK, PARTIAL);
  }

  @Override
  public void check(RecordContext location, Reporter report) {
    JsonNode lat = location.json().get("latitude");
    JsonNode lon = location.json().get("longitude");
    boolean hasLat = lat != null && lat.isNumber();
    boolean hasLon = lon != null && lon.isNumber();
    if (hasLat != hasLon) {
      report.add(PARTIAL, location.pointer(hasLat ? "longitude" : "latitude"), "the location has a "
          + (hasLat ? "latitude but no longitude" : "longitude but no latitude") + ".", null);
      return;
    }
    if (!hasLat) {
      return;
    }
    double latitude = lat.asDouble();
    double longitude = lon.asDouble();
    String observed = lat.asText() + "," + lon.asText();
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      report.add(RANGE, location.pointer(Math.abs(latitude) > 90 ? "latitude" : "longitude"),
          "coordinates " + observed + " are not on Earth.", observed);
    } else if (latitude == 0 && longitude == 0) {
      report.add(PARTIAL, location.pointer("latitude"), "coordinates are 0,0, which is in the Gulf of Guinea.", observed);
    } else if (latitude < SOUTH || latitude > NORTH || longitude < WEST || longitude > EAST) {
      report.add(UK, location.pointer("latitude"), "coordinates " + observed + " are outside the UK"
          + (latitude >= WEST && latitude <= EAST && longitude >= SOUTH && longitude <= NORTH
              ? "; latitude and longitude look swapped." : "."), observed);
    }
  }
}
