package io.github.oruk.testkit.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Word lists the generator combines into names, streets and sentences. All made up for this project;
 * person names are common first names and surnames put together at random, so they name nobody.
 */
final class Words {

  /** First halves of neighbourhood names. */
  static final List<String> PLACE_STARTS = List.of("Kings", "Oak", "Ash", "Elm", "Brook", "Mill", "Church",
      "Castle", "Green", "High", "West", "East", "North", "South", "Rose", "Holly", "Fern", "Stone", "Marsh",
      "Barn", "Hazel", "Red", "White", "Sand", "Fair", "Lark", "Bram", "Thorn", "Wil", "Brad");

  /** Second halves of neighbourhood names. */
  static final List<String> PLACE_ENDS = List.of("wood", "field", "bridge", "ford", "gate", "hill", "dale",
      "brook", "ton", "bury", "ley", "well", "mead", "worth", "combe", "by");

  static final List<String> STREET_NAMES = List.of("Church", "Mill", "Station", "High", "Park", "Victoria",
      "Albert", "Queen", "King", "New", "School", "Chapel", "Manor", "Orchard", "Meadow", "York", "Grange",
      "Springfield", "Windsor", "Elm", "Oak", "Beech", "Willow", "Cedar", "Market", "Bridge", "Castle",
      "Green", "Nelson", "Clarence");

  static final List<String> STREET_TYPES = List.of("Road", "Street", "Lane", "Avenue", "Close", "Way",
      "Crescent", "Drive", "Grove", "Terrace", "Place", "Gardens");

  static final List<String> VENUES = List.of("Community Centre", "Library", "Children's Centre",
      "Methodist Church Hall", "Leisure Centre", "Village Hall", "Youth Centre", "Health Centre",
      "Community Hub", "Scout Hut");

  static final List<String> SAINTS = List.of("Andrew", "Mary", "John", "Peter", "Anne", "Luke", "Mark",
      "Margaret", "Michael", "Paul");

  static final List<String> FIRST_NAMES = List.of("Amira", "Ben", "Chloe", "Daniel", "Emma", "Farhan",
      "Grace", "Harry", "Isla", "Jack", "Kiran", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Rachel",
      "Samuel", "Tariq", "Uma", "Victoria", "William", "Yasmin", "Zoe", "Aled", "Bethan", "Connor", "Deborah",
      "Ewan", "Fiona", "Gareth", "Hannah", "Imran", "Joanne", "Kwame", "Lucy", "Martin", "Nadia", "Owen",
      "Paula");

  static final List<String> SURNAMES = List.of("Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher",
      "Green", "Hughes", "Iqbal", "Johnson", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn",
      "Roberts", "Singh", "Taylor", "Underwood", "Vaughan", "Walker", "Young", "Begum", "Campbell", "Doyle",
      "Edwards", "Foster", "Harris", "Jones", "Kowalski", "Murphy", "Nguyen", "Owusu", "Price", "Reid",
      "Shah", "Thomas", "Wright");

  static final List<String> JOB_TITLES = List.of("Service Manager", "Project Coordinator",
      "Volunteer Coordinator", "Centre Manager", "Family Support Worker", "Youth Worker", "Advice Team Leader",
      "Community Development Worker", "Activities Coordinator", "Outreach Worker");

  static final List<String> GENERAL_SENTENCES = List.of("Everyone is welcome.",
      "Let us know if you need any adjustments to help you attend.",
      "The service is run by trained staff and volunteers.",
      "Interpreters can be arranged on request.",
      "You can refer yourself or be referred by a professional.",
      "Parking is available nearby.",
      "Please check before visiting during school holidays.");

  static final List<String> ORGANIZATION_TYPES = List.of("Community Trust", "Neighbourhood Association",
      "Community Partnership", "Family Action Group", "Community Action", "Development Trust",
      "Advice Network", "Wellbeing Collective");

  static final List<String> FUNDING_SOURCES = List.of("Local council grant", "Public health grant",
      "Charitable donations", "Lottery grant", "Household Support Fund", "Community foundation grant",
      "Parish council grant", "Membership fees and fundraising");

  static final List<String> ACCREDITATIONS = List.of("Advice Quality Standard", "Matrix Standard",
      "Investing in Volunteers", "Ofsted registered", "Quality Mark for community groups");

  static final List<String> ACCESS_DESCRIPTIONS = List.of("Step-free access from the car park.",
      "Accessible toilet on the ground floor.", "Hearing loop at the reception desk.",
      "Lift to all floors.", "Ramp at the side entrance.", "Quiet room available on request.");

  static final List<String> ACCESS_DETAILS = List.of("Ask at reception for the key to the side door.",
      "Assistance dogs are welcome.", "Two blue badge spaces next to the entrance.",
      "Large print leaflets are available.");

  static final List<String> ALERTS = List.of("Closed for refurbishment until further notice.",
      "Sessions are running at a different venue this month; call before visiting.",
      "No sessions during the school summer holidays.",
      "Opening hours are reduced over the Christmas period.");

  static final List<String> SCHEDULE_NOTES = List.of("Closed on bank holidays.",
      "Please arrive ten minutes early for your first visit.", "Booking is recommended as spaces are limited.",
      "Drop in at any time during the session.");

  static final List<String> ATTENDING_TYPES = List.of("In person", "Drop in", "By appointment", "Online");

  static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

  private Words() {
  }

  static String pick(List<String> words, SplittableRandom random) {
    return words.get(random.nextInt(words.size()));
  }

  static String place(SplittableRandom random) {
    return pick(PLACE_STARTS, random) + pick(PLACE_ENDS, random);
  }

  static String person(SplittableRandom random) {
    return pick(FIRST_NAMES, random) + ' ' + pick(SURNAMES, random);
  }

  /** Lower-case letters and digits with single hyphens between words: {@code "Young People's Club"} gives {@code "young-peoples-club"}. */
  static String slug(String text) {
    StringBuilder slug = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && slug.length() > 0) {
          slug.append('-');
        }
        slug.append(c);
        gap = false;
      } else if (c != '\'') {
        gap = true;
      }
    }
    return slug.toString();
  }

  /** The English name of an iCalendar day code such as {@code MO}. */
  static String dayName(String code) {
    return switch (code) {
      case "MO" -> "Monday";
      case "TU" -> "Tuesday";
      case "WE" -> "Wednesday";
      case "TH" -> "Thursday";
      case "FR" -> "Friday";
      case "SA" -> "Saturday";
      case "SU" -> "Sunday";
      default -> throw new IllegalArgumentException("not a day code: " + code);
    };
  }

  /** A time of day in words: 9am, 5:30pm, 12pm. */
  static String clock(int hour, int minute) {
    int twelve = hour % 12 == 0 ? 12 : hour % 12;
    StringBuilder text = new StringBuilder(7).append(twelve);
    if (minute != 0) {
      text.append(':').append((char) ('0' + minute / 10)).append((char) ('0' + minute % 10));
    }
    return text.append(hour < 12 ? "am" : "pm").toString();
  }
}
