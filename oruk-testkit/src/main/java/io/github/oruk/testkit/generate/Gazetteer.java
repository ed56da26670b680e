package io.github.oruk.testkit.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A small list of real UK towns with their county, region, a few of their postcode districts and an
 * approximate centre. Generated locations are scattered a little around these centres, so every
 * coordinate lands in or near a real town and its postcode belongs to that town's postcode area.
 */
final class Gazetteer {

  /** One town: the facts the generator needs to place a location there. */
  record Town(String name, String county, String region, List<String> districts, double latitude,
      double longitude) {
  }

  /** Letters Royal Mail uses in the inward part of a postcode (no C, I, K, M, O or V). */
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  static final List<Town> TOWNS = List.of(
      new Town("Bristol", "Bristol", "South West", List.of("BS1", "BS3", "BS5", "BS15"), 51.454, -2.588),
      new Town("Bath", "Somerset", "South West", List.of("BA1", "BA2"), 51.381, -2.359),
      new Town("Exeter", "Devon", "South West", List.of("EX1", "EX2", "EX4"), 50.718, -3.533),
      new Town("Plymouth", "Devon", "South West", List.of("PL1", "PL4", "PL6"), 50.375, -4.143),
      new Town("Truro", "Cornwall", "South West", List.of("TR1"), 50.263, -5.051),
      new Town("Gloucester", "Gloucestershire", "South West", List.of("GL1", "GL2", "GL4"), 51.864, -2.244),
      new Town("Oxford", "Oxfordshire", "South East", List.of("OX1", "OX3", "OX4"), 51.752, -1.258),
      new Town("Reading", "Berkshire", "South East", List.of("RG1", "RG2", "RG30"), 51.454, -0.978),
      new Town("Brighton", "East Sussex", "South East", List.of("BN1", "BN2"), 50.822, -0.137),
      new Town("Canterbury", "Kent", "South East", List.of("CT1", "CT2"), 51.280, 1.080),
      new Town("Norwich", "Norfolk", "East of England", List.of("NR1", "NR2", "NR3"), 52.630, 1.297),
      new Town("Ipswich", "Suffolk", "East of England", List.of("IP1", "IP3", "IP4"), 52.056, 1.148),
      new Town("Cambridge", "Cambridgeshire", "East of England", List.of("CB1", "CB2", "CB4"), 52.205, 0.122),
      new Town("Northampton", "Northamptonshire", "East Midlands", List.of("NN1", "NN3", "NN5"), 52.237, -0.897),
      new Town("Leicester", "Leicestershire", "East Midlands", List.of("LE1", "LE2", "LE4"), 52.637, -1.136),
      new Town("Nottingham", "Nottinghamshire", "East Midlands", List.of("NG1", "NG5", "NG7"), 52.954, -1.155),
      new Town("Derby", "Derbyshire", "East Midlands", List.of("DE1", "DE22", "DE23"), 52.922, -1.477),
      new Town("Lincoln", "Lincolnshire", "East Midlands", List.of("LN1", "LN2", "LN6"), 53.234, -0.538),
      new Town("Birmingham", "West Midlands", "West Midlands", List.of("B1", "B5", "B13", "B29"), 52.486, -1.890),
      new Town("Coventry", "West Midlands", "West Midlands", List.of("CV1", "CV2", "CV6"), 52.406, -1.512),
      new Town("Worcester", "Worcestershire", "West Midlands", List.of("WR1", "WR2", "WR5"), 52.192, -2.220),
      new Town("Shrewsbury", "Shropshire", "West Midlands", List.of("SY1", "SY2", "SY3"), 52.708, -2.754),
      new Town("Stoke-on-Trent", "Staffordshire", "West Midlands", List.of("ST1", "ST4", "ST6"), 53.003, -2.180),
      new Town("Manchester", "Greater Manchester", "North West", List.of("M1", "M4", "M14", "M20"), 53.480, -2.243),
      new Town("Liverpool", "Merseyside", "North West", List.of("L1", "L8", "L15"), 53.408, -2.992),
      new Town("Preston", "Lancashire", "North West", List.of("PR1", "PR2"), 53.763, -2.703),
      new Town("Carlisle", "Cumbria", "North West", List.of("CA1", "CA2"), 54.892, -2.934),
      new Town("Leeds", "West Yorkshire", "Yorkshire and the Humber", List.of("LS1", "LS6", "LS11"), 53.800, -1.549),
      new Town("Sheffield", "South Yorkshire", "Yorkshire and the Humber", List.of("S1", "S2", "S10"), 53.381, -1.470),
      new Town("York", "North Yorkshire", "Yorkshire and the Humber", List.of("YO1", "YO10", "YO31"), 53.960, -1.082),
      new Town("Hull", "East Riding of Yorkshire", "Yorkshire and the Humber", List.of("HU1", "HU3", "HU5"), 53.745, -0.336),
      new Town("Newcastle upon Tyne", "Tyne and Wear", "North East", List.of("NE1", "NE4", "NE6"), 54.978, -1.618));

  private Gazetteer() {
  }

  static Town pick(SplittableRandom random) {
    return TOWNS.get(random.nextInt(TOWNS.size()));
  }

  /** A plausible full postcode in one of the town's districts, such as {@code BS15 3QH}. */
  static String postcode(Town town, SplittableRandom random) {
    String district = town.districts().get(random.nextInt(town.districts().size()));
    return new StringBuilder(8)
        .append(district)
        .append(' ')
        .append((char) ('0' + random.nextInt(10)))
        .append(INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length())))
        .append(INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length())))
        .toString();
  }
}
