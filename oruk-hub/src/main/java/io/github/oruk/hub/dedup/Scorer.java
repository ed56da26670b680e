package io.github.oruk.hub.dedup;

import io.github.oruk.hub.dedup.Profile.Place;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores two services from 0 to 1: how alike their names, places, phones, e-mail and web addresses are,
 * weighted, with what one side lacks counted as neither for nor against. See the README, "How a pair is scored".
 */
final class Scorer {

  static final double NAME = 0.45;
  static final double PLACE = 0.30;
  static final double PHONE = 0.10;
  static final double EMAIL = 0.075;
  static final double URL = 0.075;
  /** What a comparison that cannot be made (one side lacks the field) adds, per unit of its weight. */
  static final double UNKNOWN = 0.5;
  /** Below this name similarity, the score is the name similarity at most: shared contacts cannot lift it. */
  static final double NAME_GATE = 0.5;
  /** Below this place similarity the services are somewhere else, and the score stays below this cap. */
  static final double PLACE_GATE = 0.25;
  static final double DIFFERENT_PLACE_CAP = 0.55;
  /** How alike two e-mail or web addresses on the same domain are. */
  static final double SAME_DOMAIN = 0.3;

  private static final double EARTH_METRES = 6_371_000;
  private static final double SAME_SPOT_METRES = 100;
  private static final double FAR_METRES = 1_000;

  /**
   * A phone number or e-mail address given by more records than this is shared (a national line, a switchboard,
   * an organization's one inbox): having it in common says nothing about being the same service, so it counts as
   * unknown. A service listed in all three sources and twice in one has four records.
   */
  static final int SHARED_CONTACT = 4;

  private final Map<String, Double> weights;
  private final double unseenWeight;
  private final Map<String, Integer> contacts;

  /**
   * @param weights each name word's weight (rarer words weigh more); words not in it weigh {@code unseenWeight}
   * @param contacts how many records give each phone number and e-mail address
   */
  Scorer(Map<String, Double> weights, double unseenWeight, Map<String, Integer> contacts) {
    this.weights = weights;
    this.unseenWeight = unseenWeight;
    this.contacts = contacts;
  }

  double score(Profile a, Profile b) {
    double name = names(a.name(), b.name());
    double place = places(a.places(), b.places());
    double phone = phones(a.phones(), b.phones());
    double email = addresses(a.email(), b.email());
    if (email == 1 && shared(a.email())) {
      email = Double.NaN;
    }
    double url = webAddresses(a.url(), b.url());
    double score = part(NAME, name) + part(PLACE, place) + part(PHONE, phone) + part(EMAIL, email) + part(URL, url);
    if (!Double.isNaN(name) && name < NAME_GATE) {
      score = Math.min(score, name);
    }
    if (!Double.isNaN(place) && place < PLACE_GATE) {
      score = Math.min(score, DIFFERENT_PLACE_CAP);
    }
    return Math.max(0, Math.min(1, score));
  }

  private static double part(double weight, double similarity) {
    return weight * (Double.isNaN(similarity) ? UNKNOWN : similarity);
  }

  /**
   * Word similarity weighted by rarity, each word matched to its most alike word on the other side; 1 when the
   * words run together are the same ("Foodbank" and "Food Bank", "Oak Field" and "Oakfield").
   */
  double names(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Double.NaN;
    }
    if (a.size() != b.size() && String.join("", a).equals(String.join("", b))) {
      return 1;
    }
    double total = 0;
    double alike = 0;
    for (String word : a) {
      double weight = weights.getOrDefault(word, unseenWeight);
      total += weight;
      alike += weight * best(word, b);
    }
    for (String word : b) {
      double weight = weights.getOrDefault(word, unseenWeight);
      total += weight;
      alike += weight * best(word, a);
    }
    return alike / total;
  }

  private static double best(String word, List<String> others) {
    double best = 0;
    for (String other : others) {
      double similarity = words(word, other);
      if (similarity > best) {
        best = similarity;
        if (best == 1) {
          break;
        }
      }
    }
    return best;
  }

  /**
   * 1 for the same word; for words of four letters or more that differ by a typing slip or two (edits, with
   * two neighbours swapped counting as one), 1 minus the edits over the longer length when that is 0.75 or more;
   * else 0. Numbers and short words must be equal.
   */
  static double words(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    int longer = Math.max(a.length(), b.length());
    int shorter = Math.min(a.length(), b.length());
    // At most a quarter of the longer word may differ; the checks before the edit distance are cheap lower
    // bounds of it, and spare computing it for most pairs of words (profiling found it took most of a run).
    int most = longer / 4;
    if (shorter < 4 || longer - shorter > Math.min(2, most)
        || Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0)) || letterDifference(a, b) > most) {
      return 0;
    }
    double similarity = 1 - (double) edits(a, b) / longer;
    return similarity >= 0.75 ? similarity : 0;
  }

  /**
   * How many letters one word has that the other lacks, counted with repeats, the larger of the two ways: a lower
   * bound of the edit distance. 0 for words with characters beyond ASCII (the bound is not needed to be right).
   */
  static int letterDifference(String a, String b) {
    int[] counts = new int[128];
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c >= 128) {
        return 0;
      }
      counts[c]++;
    }
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 128) {
        return 0;
      }
      counts[c]--;
    }
    int onlyA = 0;
    int onlyB = 0;
    for (int count : counts) {
      if (count > 0) {
        onlyA += count;
      } else {
        onlyB -= count;
      }
    }
    return Math.max(onlyA, onlyB);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  static int edits(String a, String b) {
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
      }
      int[] spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return previous[b.length()];
  }

  /** The most alike two places of the two services, or NaN when no two can be compared. */
  static double places(List<Place> a, List<Place> b) {
    double best = Double.NaN;
    for (Place p : a) {
      for (Place q : b) {
        double similarity = place(p, q);
        if (!Double.isNaN(similarity) && (Double.isNaN(best) || similarity > best)) {
          best = similarity;
        }
      }
    }
    return best;
  }

  /**
   * The mean of what two places both have: postcode, coordinates, street; but 0 when their postcode districts
   * differ or they are a kilometre or more apart, whatever their streets (every town has a Market Street).
   */
  static double place(Place p, Place q) {
    double sum = 0;
    int count = 0;
    if (p.postcode() != null && q.postcode() != null) {
      double postcodes = postcodes(p.postcode(), q.postcode());
      if (postcodes == 0) {
        return 0;
      }
      sum += postcodes;
      count++;
    }
    if (p.hasCoordinates() && q.hasCoordinates()) {
      double metres = metres(p.latitude(), p.longitude(), q.latitude(), q.longitude());
      if (metres >= FAR_METRES) {
        return 0;
      }
      sum += metres <= SAME_SPOT_METRES ? 1
          : metres >= FAR_METRES ? 0 : (FAR_METRES - metres) / (FAR_METRES - SAME_SPOT_METRES);
      count++;
    }
    if (!p.street().isEmpty() && !q.street().isEmpty()) {
      sum += streets(p.street(), q.street());
      count++;
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** 1 for the same postcode, 0.6 for the same sector ({@code BS15 3}), 0.3 for the same district, else 0. */
  static double postcodes(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    String districtA = a.substring(0, a.length() - 3);
    String districtB = b.substring(0, b.length() - 3);
    if (!districtA.equals(districtB)) {
      return 0;
    }
    return a.charAt(a.length() - 3) == b.charAt(b.length() - 3) ? 0.6 : 0.3;
  }

  /** Unweighted word similarity of two address lines. */
  private static double streets(List<String> a, List<String> b) {
    double alike = 0;
    for (String word : a) {
      alike += best(word, b);
    }
    for (String word : b) {
      alike += best(word, a);
    }
    return alike / (a.size() + b.size());
  }

  /** The great-circle distance (haversine) in metres. */
  static double metres(double latitudeA, double longitudeA, double latitudeB, double longitudeB) {
    double phi = Math.toRadians(latitudeB - latitudeA);
    double lambda = Math.toRadians(longitudeB - longitudeA);
    double h = Math.sin(phi / 2) * Math.sin(phi / 2) + Math.cos(Math.toRadians(latitudeA))
        * Math.cos(Math.toRadians(latitudeB)) * Math.sin(lambda / 2) * Math.sin(lambda / 2);
    return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static double addresses(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    if (a.equals(b)) {
      return 1;
    }
    return Normalizer.domain(a).equals(Normalizer.domain(b)) ? SAME_DOMAIN : 0;
  }

  /**
   * Like {@link #addresses}, but the same home page (a web address that is only a host) counts as the same domain
   * only: a home page names the organization, which branches and other services share, not the service.
   */
  private static double webAddresses(@Nullable String a, @Nullable String b) {
    double similarity = addresses(a, b);
    return similarity == 1 && a != null && a.indexOf('/') < 0 ? SAME_DOMAIN : similarity;
  }

  /** 1 for a number in common that is not {@link #SHARED_CONTACT shared}, unknown for a shared one, else 0. */
  private double phones(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Double.NaN;
    }
    double similarity = 0;
    for (String phone : a) {
      if (b.contains(phone)) {
        if (!shared(phone)) {
          return 1;
        }
        similarity = Double.NaN;
      }
    }
    return similarity;
  }

  private boolean shared(@Nullable String contact) {
    return contact != null && contacts.getOrDefault(contact, 0) > SHARED_CONTACT;
  }
}
