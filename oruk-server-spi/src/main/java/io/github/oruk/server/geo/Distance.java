package io.github.oruk.server.geo;

/** Distances on the Earth's surface (a sphere of mean radius; good to about 0.5% in the UK). */
public final class Distance {

  /** The Earth's mean radius, in metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private Distance() {
  }

  /** The great-circle distance between two points given in degrees, in metres (haversine formula). */
  public static double metres(double latitude1, double longitude1, double latitude2, double longitude2) {
    double phi1 = Math.toRadians(latitude1);
    double phi2 = Math.toRadians(latitude2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(longitude2 - longitude1);
    double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
