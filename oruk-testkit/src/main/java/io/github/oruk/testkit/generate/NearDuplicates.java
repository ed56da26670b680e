package io.github.oruk.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Address;
import io.github.oruk.model.Contact;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.testkit.generate.LabelledSet.Labelled;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes a labelled de-duplication set from generated services: each service becomes a real-world service (an
 * <em>entity</em>) that appears in one, two or three named sources, each appearance a copy with ids of its own
 * and the variations real directories show ({@link Variation}: typing slips, abbreviations, {@code &} for
 * {@code and}, other word orders, phone numbers and postcodes written other ways, the phone held on the service,
 * a location or a contact, fields left out). A share of the services are turned into <em>branches</em> of
 * national organizations first: "Citizens Advice Leeds" and "Citizens Advice Bristol" share the organization's
 * phone number and web site but are different services, the hard negatives a de-duplicator must not merge. Two
 * in five families give every branch the same name ("Citizens Advice"), so that only the address tells them
 * apart.
 *
 * <pre>{@code
 * List<Service> services = DataGenerator.builder().seed(3).build().services(2_800).toList();
 * LabelledSet set = NearDuplicates.builder().seed(11).sources("council", "nhs", "charities").build()
 *     .inject(services);
 * set.sources().get("nhs");        // that source's services
 * set.duplicatePairs();            // the ground truth, as pairs of set.records()
 * }</pre>
 *
 * <p>Phone numbers are added to the services (the generator makes none; ORUK 3.0 has no phone property on a
 * service, so they are written as HSDS does, a {@code phones} list of {@code {"number": ...}} objects, which
 * the reader keeps as an extension). They come from Ofcom's ranges reserved for drama (0117 496 0xxx, 01632
 * 960xxx, 0808 157 0xxx, ...), so they ring nobody; as those ranges are small, two unrelated services now and then
 * share a number, as services behind one switchboard do.
 *
 * <p>Seeded and deterministic: the same seed, sources and services give the same set. The services passed in
 * are not changed. Instances are immutable and thread-safe.
 */
public final class NearDuplicates {

  /** National organizations for branches: made up, but for one the issue names as its example. */
  private static final List<String> NATIONAL = List.of("Citizens Advice", "Family Link", "Carers Together",
      "Healthy Minds", "Home Help Network", "Good Neighbours Trust", "Money Matters", "Young Carers Hub");
  /** Ofcom's drama ranges for the towns that have one: area code and the first digits of the local number. */
  private static final Map<String, String[]> DRAMA_RANGES = Map.ofEntries(
      Map.entry("Leeds", new String[] {"0113", "4960"}), Map.entry("Sheffield", new String[] {"0114", "4960"}),
      Map.entry("Nottingham", new String[] {"0115", "4960"}), Map.entry("Leicester", new String[] {"0116", "4960"}),
      Map.entry("Bristol", new String[] {"0117", "4960"}), Map.entry("Reading", new String[] {"0118", "4960"}),
      Map.entry("Birmingham", new String[] {"0121", "4960"}), Map.entry("Liverpool", new String[] {"0151", "4960"}),
      Map.entry("Manchester", new String[] {"0161", "4960"}),
      Map.entry("Newcastle upon Tyne", new String[] {"0191", "4980"}));
  /** The other drama ranges: no area, London, Cardiff, Belfast, Edinburgh, Glasgow and mobiles. */
  private static final List<String[]> OTHER_RANGES = List.of(new String[] {"01632", "960"},
      new String[] {"020", "79460"}, new String[] {"029", "20180"}, new String[] {"028", "96496"},
      new String[] {"0131", "4960"}, new String[] {"0141", "4960"}, new String[] {"07700", "900"});
  private static final String[] FREEPHONE = {"0808", "1570"};
  private static final String[] NON_GEOGRAPHIC = {"0306", "9990"};
  /** Whole words a copy may abbreviate: the long form, then the short. */
  private static final String[][] ABBREVIATIONS = {{"Centre", "Ctr"}, {"Centre", "Center"}, {"Street", "St"},
      {"Road", "Rd"}, {"Avenue", "Ave"}, {"Citizens Advice", "CAB"}};
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final long seed;
  private final List<String> sourceNames;
  private final double twoSources;
  private final double threeSources;
  private final double sameSourceRate;
  private final int branchEvery;
  private final OrukJson json = OrukJson.builder().keepExtensions(true).build();

  private NearDuplicates(Builder builder) {
    this.seed = builder.seed;
    this.sourceNames = List.copyOf(builder.sourceNames);
    this.twoSources = builder.twoSources;
    this.threeSources = builder.threeSources;
    this.sameSourceRate = builder.sameSourceRate;
    this.branchEvery = builder.branchEvery;
  }

  /** A builder with the defaults: seed 1, sources {@code a}, {@code b}, {@code c}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The labelled set made from {@code services}: service k is entity k. The first record of each entity keeps
   * its id and content (with a phone number added to most); every further record is a varied copy.
   */
  public LabelledSet inject(List<Service> services) {
    Objects.requireNonNull(services, "services");
    List<Service> entities = new ArrayList<>(services.size());
    for (int k = 0; k < services.size(); k++) {
      Service canonical = copy(services.get(k));
      addPhone(canonical, Seeds.random(seed, Seeds.NEAR_DUPLICATE, k));
      entities.add(canonical);
    }
    Map<Integer, Integer> families = makeBranches(entities);

    Map<String, List<Service>> sources = new LinkedHashMap<>();
    sourceNames.forEach(name -> sources.put(name, new ArrayList<>()));
    List<Labelled> records = new ArrayList<>();
    for (int k = 0; k < entities.size(); k++) {
      SplittableRandom random = Seeds.random(seed ^ 0x2545F4914F6CDD1DL, Seeds.NEAR_DUPLICATE, k);
      List<String> where = appearances(random);
      int family = families.getOrDefault(k, -1);
      for (int i = 0; i < where.size(); i++) {
        Service record;
        Set<Variation> variations = EnumSet.noneOf(Variation.class);
        if (i == 0) {
          record = entities.get(k);
        } else {
          record = vary(entities.get(k), random, variations);
        }
        Objects.requireNonNull(sources.get(where.get(i)), "appearances name the sources only").add(record);
        records.add(new Labelled(where.get(i), Objects.requireNonNull(record.getId()), k, family, variations));
      }
    }
    return new LabelledSet(sources, records);
  }

  /** The sources entity k appears in: one, two or three distinct ones, and now and then one of them twice. */
  private List<String> appearances(SplittableRandom random) {
    double roll = random.nextDouble();
    int count = Math.min(sourceNames.size(), roll < threeSources ? 3 : roll < threeSources + twoSources ? 2 : 1);
    List<String> pool = new ArrayList<>(sourceNames);
    List<String> chosen = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    if (random.nextDouble() < sameSourceRate) {
      chosen.add(chosen.get(random.nextInt(chosen.size())));
    }
    return chosen;
  }

  // ------------------------------------------------------------------------------------------- branches

  /**
   * Turns runs of services into branches of national organizations: from every {@code branchEvery}-th entity,
   * the next three to seven that have an address, each in a town no other branch of the family is in. Answers
   * the family of each entity made a branch.
   */
  private Map<Integer, Integer> makeBranches(List<Service> entities) {
    Map<Integer, Integer> branches = new HashMap<>();
    if (branchEvery == 0) {
      return branches;
    }
    Set<String> namesUsed = new HashSet<>();
    for (int start = 0; start < entities.size(); start += branchEvery) {
      int family = start / branchEvery;
      SplittableRandom random = Seeds.random(seed, Seeds.BRANCH_FAMILY, family);
      String national = NATIONAL.get(family % NATIONAL.size());
      String domain = Words.slug(national) + (family / NATIONAL.size() == 0 ? "" : "-" + family / NATIONAL.size())
          + ".example.org.uk";
      String[] range = random.nextBoolean() ? FREEPHONE : NON_GEOGRAPHIC;
      String phone = number(range, random);
      // How the family names its branches: "Citizens Advice Leeds", "Leeds Citizens Advice", or just "Citizens
      // Advice" everywhere, with the town only in the address (the hardest case: one name, one number).
      double style = random.nextDouble();
      boolean townFirst = style < 0.2;
      boolean sameName = style >= 0.6;
      boolean sharedUrl = random.nextBoolean();
      boolean sharedEmail = random.nextBoolean();
      int size = 3 + random.nextInt(5);
      Set<String> towns = new HashSet<>();
      for (int k = start; k < Math.min(entities.size(), start + branchEvery) && towns.size() < size; k++) {
        Service service = entities.get(k);
        String town = town(service);
        if (town == null || towns.contains(town)) {
          continue;
        }
        String name = sameName ? national : townFirst ? town + ' ' + national : national + ' ' + town;
        if (!sameName && !namesUsed.add(name.toLowerCase(Locale.ROOT))) {
          continue;
        }
        towns.add(town);
        branches.put(k, family);
        String slug = Words.slug(town);
        service.name(name);
        service.url(sharedUrl ? "https://www." + domain + "/" : "https://www." + domain + "/branches/" + slug);
        service.email(sharedEmail ? "advice@" + domain : slug + "@" + domain);
        removePhones(service);
        service.putExtension("phones", phones(phone));
        Organization organization = service.getOrganization();
        if (organization != null) {
          organization.name(national + (sameName ? "" : " " + town)).website("https://www." + domain + "/")
              .email("info@" + domain);
        }
      }
    }
    return branches;
  }

  private static @Nullable String town(Service service) {
    Address address = firstAddress(service);
    return address == null ? null : address.getCity();
  }

  private static @Nullable Address firstAddress(Service service) {
    for (ServiceAtLocation link : service.getServiceAtLocations()) {
      Location location = link.getLocation();
      if (location != null && !location.getAddresses().isEmpty()) {
        return location.getAddresses().get(0);
      }
    }
    return null;
  }

  // --------------------------------------------------------------------------------------------- phones

  /** Gives most services a phone number in their town's drama range, or a mobile or no-area one. */
  private static void addPhone(Service service, SplittableRandom random) {
    if (random.nextDouble() >= 0.85) {
      return;
    }
    String town = town(service);
    String[] local = town == null ? null : DRAMA_RANGES.get(town);
    double roll = random.nextDouble();
    String[] range = local != null && roll < 0.7 ? local : OTHER_RANGES.get(random.nextInt(OTHER_RANGES.size()));
    service.putExtension("phones", phones(number(range, random)));
  }

  /** A number in the given range written the usual way, such as {@code 0117 496 0123} or {@code 01632 960123}. */
  private static String number(String[] range, SplittableRandom random) {
    int free = 11 - range[0].length() - range[1].length();
    StringBuilder digits = new StringBuilder(range[1]);
    for (int i = 0; i < free; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    String local = digits.toString();
    return range[0] + ' ' + (local.length() == 7 ? local.substring(0, 3) + ' ' + local.substring(3)
        : local.length() == 8 ? local.substring(0, 4) + ' ' + local.substring(4) : local);
  }

  private static ArrayNode phones(String number) {
    ArrayNode list = NODES.arrayNode();
    list.addObject().put("number", number);
    return list;
  }

  private static void removePhones(Service service) {
    service.getExtensions().remove("phones");
    for (ServiceAtLocation link : service.getServiceAtLocations()) {
      if (link.getLocation() != null) {
        link.getLocation().getExtensions().remove("phones");
      }
    }
    service.getContacts().forEach(contact -> contact.getExtensions().remove("phones"));
  }

  /** The number of a service's first phone, wherever it is held. */
  private static @Nullable String phoneOf(Service service) {
    List<JsonNode> lists = new ArrayList<>();
    lists.add(service.getExtensions().get("phones"));
    service.getServiceAtLocations().forEach(link -> {
      if (link.getLocation() != null) {
        lists.add(link.getLocation().getExtensions().get("phones"));
      }
    });
    service.getContacts().forEach(contact -> lists.add(contact.getExtensions().get("phones")));
    for (JsonNode list : lists) {
      if (list != null && list.isArray() && !list.isEmpty() && list.get(0).hasNonNull("number")) {
        return list.get(0).get("number").asText();
      }
    }
    return null;
  }

  /** {@code 0117 496 0123} written one of six ways people write it. */
  static String reformatPhone(String number, SplittableRandom random) {
    String[] parts = number.split(" ", 2);
    String area = parts[0];
    String local = parts.length > 1 ? parts[1] : "";
    String bare = local.replace(" ", "");
    String national = area.substring(1);
    return switch (random.nextInt(6)) {
      case 0 -> area + bare;
      case 1 -> "+44 " + national + ' ' + local;
      case 2 -> "+44 (0)" + national + ' ' + local;
      case 3 -> '(' + area + ") " + bare;
      case 4 -> "0044 " + national + ' ' + bare;
      default -> area + '-' + bare;
    };
  }

  // ----------------------------------------------------------------------------------------- variations

  /** A copy of {@code entity} with new ids and some variations, which are added to {@code applied}. */
  private Service vary(Service entity, SplittableRandom random, Set<Variation> applied) {
    Service copy = copy(entity);
    copy.id(Seeds.uuid(random));
    for (ServiceAtLocation link : copy.getServiceAtLocations()) {
      link.id(Seeds.uuid(random)).serviceId(copy.getId());
      Location location = link.getLocation();
      if (location != null) {
        location.id(Seeds.uuid(random));
        link.locationId(location.getId());
        for (Address address : location.getAddresses()) {
          address.id(Seeds.uuid(random)).locationId(location.getId());
        }
      }
    }
    String name = Objects.requireNonNullElse(copy.getName(), "");
    if (random.nextDouble() < 0.3) {
      name = abbreviate(name, applied, Variation.ABBREVIATION);
    }
    if (random.nextDouble() < 0.5) {
      String swapped = name.contains(" and ") ? name.replace(" and ", " & ")
          : name.contains(" & ") ? name.replace(" & ", " and ") : name;
      if (!swapped.equals(name)) {
        applied.add(Variation.AMPERSAND);
        name = swapped;
      }
    }
    if (random.nextDouble() < 0.25) {
      name = typo(name, random);
      applied.add(Variation.NAME_TYPO);
    }
    if (random.nextDouble() < 0.15) {
      name = reorder(name, random);
      applied.add(Variation.WORD_ORDER);
    }
    if (random.nextDouble() < 0.1) {
      name = random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
      applied.add(Variation.NAME_CASE);
    }
    copy.name(name);
    Address address = firstAddress(copy);
    if (address != null && address.getAddress1() != null && random.nextDouble() < 0.3) {
      address.address1(abbreviate(address.getAddress1(), applied, Variation.ABBREVIATION));
    }
    if (address != null && address.getPostalCode() != null && random.nextDouble() < 0.5) {
      address.postalCode(reformatPostcode(address.getPostalCode(), random));
      applied.add(Variation.POSTCODE_FORMAT);
    }
    String phone = phoneOf(copy);
    if (phone != null) {
      String written = phone;
      if (random.nextDouble() < 0.7) {
        written = reformatPhone(phone, random);
        applied.add(Variation.PHONE_FORMAT);
      }
      removePhones(copy);
      putPhone(copy, written, random.nextDouble() < 0.4 ? random.nextInt(3) : 0, applied);
    }
    if (random.nextDouble() < 0.3) {
      moveCoordinates(copy, random, applied);
    }
    if (random.nextDouble() < 0.4) {
      leaveOut(copy, random, applied);
    }
    return copy;
  }

  /** Puts the phone on the service (0), its first location (1) or a contact (2). */
  private static void putPhone(Service copy, String number, int where, Set<Variation> applied) {
    if (where == 1) {
      for (ServiceAtLocation link : copy.getServiceAtLocations()) {
        if (link.getLocation() != null) {
          link.getLocation().putExtension("phones", phones(number));
          applied.add(Variation.PHONE_MOVED);
          return;
        }
      }
    } else if (where == 2) {
      Contact contact = copy.getContacts().isEmpty() ? null : copy.getContacts().get(0);
      if (contact == null) {
        contact = new Contact().id(copy.getId() + "-contact").serviceId(copy.getId()).name("Reception");
        copy.addContactsItem(contact);
      }
      contact.putExtension("phones", phones(number));
      applied.add(Variation.PHONE_MOVED);
      return;
    }
    copy.putExtension("phones", phones(number));
  }

  private static String abbreviate(String text, Set<Variation> applied, Variation variation) {
    for (String[] pair : ABBREVIATIONS) {
      String changed = text.replaceAll("\\b" + pair[0] + "\\b", pair[1]);
      if (!changed.equals(text)) {
        applied.add(variation);
        return changed;
      }
    }
    return text;
  }

  /** One typing slip in one word of four letters or more, never in its first letter. */
  static String typo(String name, SplittableRandom random) {
    String[] words = name.split(" ");
    List<Integer> long4 = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 4 && words[i].chars().allMatch(Character::isLetter)) {
        long4.add(i);
      }
    }
    if (long4.isEmpty()) {
      return name + 's';
    }
    int which = long4.get(random.nextInt(long4.size()));
    StringBuilder word = new StringBuilder(words[which]);
    int at = 1 + random.nextInt(word.length() - 2);
    char c = word.charAt(at);
    switch (random.nextInt(4)) {
      case 0 -> {
        if (c == word.charAt(at + 1)) {
          word.deleteCharAt(at); // swapping "oo" would change nothing
        } else {
          word.setCharAt(at, word.charAt(at + 1));
          word.setCharAt(at + 1, c);
        }
      }
      case 1 -> word.deleteCharAt(at);
      case 2 -> word.insert(at, c);
      default -> {
        char other = LETTERS.charAt(random.nextInt(LETTERS.length() - 1));
        word.setCharAt(at, other >= Character.toLowerCase(c) ? (char) (other + 1) : other);
      }
    }
    words[which] = word.toString();
    return String.join(" ", words);
  }

  /** "Oakfield Food Bank" as "Food Bank, Oakfield" or "Food Bank Oakfield"; two words swapped. */
  static String reorder(String name, SplittableRandom random) {
    String[] words = name.split(" ");
    if (words.length < 2) {
      return name;
    }
    String first = words[0];
    String rest = String.join(" ", List.of(words).subList(1, words.length));
    return rest + (random.nextBoolean() ? ", " : " ") + first;
  }

  /** {@code BS15 3QH} as {@code bs15 3qh}, {@code BS153QH} or {@code BS15  3QH}. */
  static String reformatPostcode(String postcode, SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> postcode.toLowerCase(Locale.ROOT);
      case 1 -> postcode.replace(" ", "");
      default -> postcode.replace(" ", "  ");
    };
  }

  private static void moveCoordinates(Service copy, SplittableRandom random, Set<Variation> applied) {
    for (ServiceAtLocation link : copy.getServiceAtLocations()) {
      Location location = link.getLocation();
      if (location != null && location.getLatitude() != null && location.getLongitude() != null) {
        // Up to about 50 m north or south and 50 m east or west.
        location.latitude(location.getLatitude().add(offset(random, 0.00045)));
        location.longitude(location.getLongitude().add(offset(random, 0.00072)));
        applied.add(Variation.COORDINATES_MOVED);
      }
    }
  }

  private static BigDecimal offset(SplittableRandom random, double most) {
    return BigDecimal.valueOf((random.nextDouble() * 2 - 1) * most).setScale(6, RoundingMode.HALF_UP);
  }

  /** Leaves out one or two of: e-mail, web address, phone, coordinates, addresses, description, organization. */
  private static void leaveOut(Service copy, SplittableRandom random, Set<Variation> applied) {
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      switch (random.nextInt(7)) {
        case 0 -> copy.email(null);
        case 1 -> copy.url(null);
        case 2 -> removePhones(copy);
        case 3 -> locations(copy).forEach(location -> location.latitude(null).longitude(null));
        case 4 -> locations(copy).forEach(location -> location.addresses(null));
        case 5 -> copy.description(null);
        default -> copy.organization(null);
      }
    }
    applied.add(Variation.FIELDS_MISSING);
  }

  private static List<Location> locations(Service service) {
    List<Location> locations = new ArrayList<>();
    for (ServiceAtLocation link : service.getServiceAtLocations()) {
      if (link.getLocation() != null) {
        locations.add(link.getLocation());
      }
    }
    return locations;
  }

  private Service copy(Service service) {
    return json.read(json.write(service), Service.class).value();
  }

  /** Settings for {@link NearDuplicates}. */
  public static final class Builder {
    private long seed = 1;
    private List<String> sourceNames = List.of("a", "b", "c");
    private double twoSources = 0.35;
    private double threeSources = 0.2;
    private double sameSourceRate = 0.03;
    private int branchEvery = 40;

    private Builder() {
    }

    /** The seed (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The sources' names, at least one, all different (default {@code a}, {@code b}, {@code c}). */
    public Builder sources(String... names) {
      if (names.length == 0 || Set.of(names).size() != names.length) {
        throw new IllegalArgumentException("expected one or more different source names; got " + List.of(names));
      }
      this.sourceNames = List.of(names);
      return this;
    }

    /**
     * The shares of entities that appear in two and in three sources (defaults 0.35 and 0.2); the rest appear
     * in one.
     */
    public Builder spread(double twoSources, double threeSources) {
      if (!(twoSources >= 0 && threeSources >= 0 && twoSources + threeSources <= 1)) {
        throw new IllegalArgumentException("expected two shares from 0 to 1 that add up to 1 at most; got "
            + twoSources + " and " + threeSources);
      }
      this.twoSources = twoSources;
      this.threeSources = threeSources;
      return this;
    }

    /** The share of entities that appear twice in one of their sources (default 0.03). */
    public Builder sameSourceRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("expected a share from 0 to 1; got " + rate);
      }
      this.sameSourceRate = rate;
      return this;
    }

    /**
     * One national organization with three to seven branches for every {@code count} services (default 40;
     * 0 makes no branches).
     */
    public Builder branchEvery(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("expected 0 or more; got " + count);
      }
      this.branchEvery = count;
      return this;
    }

    public NearDuplicates build() {
      return new NearDuplicates(this);
    }
  }
}
