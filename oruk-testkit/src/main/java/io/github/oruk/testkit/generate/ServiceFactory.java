package io.github.oruk.testkit.generate;

import io.github.oruk.model.Accessibility;
import io.github.oruk.model.Address;
import io.github.oruk.model.AddressType;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Contact;
import io.github.oruk.model.CostOption;
import io.github.oruk.model.Funding;
import io.github.oruk.model.Language;
import io.github.oruk.model.Location;
import io.github.oruk.model.LocationType;
import io.github.oruk.model.Organization;
import io.github.oruk.model.OrganizationIdentifier;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.ScheduleFrequency;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.testkit.generate.Gazetteer.Town;
import io.github.oruk.testkit.generate.SampleVocabulary.Ages;
import io.github.oruk.testkit.generate.SampleVocabulary.Category;
import io.github.oruk.testkit.generate.SampleVocabulary.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds service number k (and the organization running it) from the seed alone. Every choice is drawn
 * from the record's own random stream ({@link Seeds}), so the same k always gives the same service.
 */
final class ServiceFactory {

  /** Services are grouped in blocks; each block has its own few organizations, shared by its services. */
  private static final int SERVICES_PER_BLOCK = 10;
  private static final int ORGANIZATIONS_PER_BLOCK = 4;
  private static final double[] ORGANIZATION_WEIGHTS = {0.4, 0.3, 0.2, 0.1};
  private static final long DAY_MILLIS = 86_400_000L;
  /** How many days before the reference date assured dates and last-modified times reach back. */
  static final int RECENT_DAYS = 60;

  private final long seed;
  private final LocalDate referenceDate;

  ServiceFactory(long seed, LocalDate referenceDate) {
    this.seed = seed;
    this.referenceDate = referenceDate;
  }

  // ------------------------------------------------------------------------------------ organizations

  /** What is fixed about one organization, drawn from its own stream. */
  private record OrganizationProfile(long index, String id, String name, String domain, String place, Town town,
      @Nullable Category focus) {
  }

  int organizationIndex(int serviceIndex) {
    SplittableRandom random = Seeds.random(seed, Seeds.ORGANIZATION_CHOICE, serviceIndex);
    double roll = random.nextDouble();
    int pick = 0;
    while (pick < ORGANIZATION_WEIGHTS.length - 1 && roll >= ORGANIZATION_WEIGHTS[pick]) {
      roll -= ORGANIZATION_WEIGHTS[pick];
      pick++;
    }
    return serviceIndex / SERVICES_PER_BLOCK * ORGANIZATIONS_PER_BLOCK + pick;
  }

  private OrganizationProfile profile(long index) {
    SplittableRandom random = Seeds.random(seed, Seeds.ORGANIZATION, index);
    String id = Seeds.uuid(random);
    Town town = Gazetteer.pick(random);
    String place = Words.place(random);
    String name = random.nextDouble() < 0.15
        ? "St " + Words.pick(Words.SAINTS, random) + "'s Church Community Project"
        : place + ' ' + Words.pick(Words.ORGANIZATION_TYPES, random);
    Category focus = random.nextDouble() < 0.75
        ? SampleVocabulary.CATEGORIES.get(random.nextInt(SampleVocabulary.CATEGORIES.size()))
        : null;
    return new OrganizationProfile(index, id, name, Words.slug(name) + ".example.org", place, town, focus);
  }

  /** A fresh organization object; its content depends only on the seed and the profile's index. */
  private Organization organization(OrganizationProfile profile) {
    // A separate stream from the profile's, so adding details never changes names or towns.
    SplittableRandom random = Seeds.random(seed ^ 0x5DEECE66DL, Seeds.ORGANIZATION, profile.index());
    String kind = Words.pick(List.of("local charity", "community interest company", "voluntary group",
        "registered charity"), random);
    int founded = 1970 + random.nextInt(51);
    StringBuilder description = new StringBuilder(200)
        .append(profile.name()).append(" is a ").append(kind).append(" working in ").append(profile.place())
        .append(" and across ").append(profile.town().name()).append(" since ").append(founded).append('.');
    if (profile.focus() != null) {
      description.append(" Its work centres on ").append(lower(profile.focus().name())).append('.');
    } else {
      description.append(" It runs a wide range of community services.");
    }
    if (random.nextDouble() < 0.5) {
      description.append(" Most of its work is done by volunteers.");
    }
    Organization organization = new Organization()
        .id(profile.id())
        .name(profile.name())
        .description(description.toString());
    if (random.nextDouble() < 0.8) {
      organization.email("info@" + profile.domain());
    }
    if (random.nextDouble() < 0.85) {
      organization.website("https://www." + profile.domain() + "/");
    }
    if (random.nextDouble() < 0.3) {
      organization.logo("https://www." + profile.domain() + "/images/logo.png");
    }
    boolean charity = random.nextDouble() < 0.6;
    String number = charity
        ? Integer.toString(1_000_000 + random.nextInt(200_000))
        : pad8(random.nextInt(16_000_000));
    if (random.nextDouble() < 0.2) {
      organization.uri("https://register.example.org/" + (charity ? "charities/" : "companies/") + number);
    }
    if (random.nextDouble() < 0.4) {
      organization.addOrganizationIdentifiersItem(new OrganizationIdentifier()
          .id(Seeds.uuid(random))
          .organizationId(profile.id())
          .identifierScheme(charity ? "GB-CHC" : "GB-COH")
          .identifierType(charity ? "Charity number" : "Company number")
          .identifier(number));
    }
    return organization;
  }

  // ----------------------------------------------------------------------------------------- services

  @SuppressWarnings("NullAway") // every service-at-location made here has its location
  Service service(int index) {
    OrganizationProfile org = profile(organizationIndex(index));
    SplittableRandom random = Seeds.random(seed, Seeds.SERVICE, index);

    Kind kind = org.focus() != null && random.nextDouble() < 0.7
        ? pickKind(SampleVocabulary.kindsOf(org.focus()), random)
        : pickKind(SampleVocabulary.KINDS, random);
    String id = Seeds.uuid(random);
    Town town = random.nextDouble() < 0.8 ? org.town() : Gazetteer.pick(random);
    double placeRoll = random.nextDouble();
    String place = placeRoll < 0.6 ? org.place() : placeRoll < 0.85 ? Words.place(random) : town.name();
    String name = place + ' ' + Words.pick(kind.nameEndings(), random);

    Service service = new Service()
        .id(id)
        .organizationId(org.id())
        .name(name)
        .status(status(random));

    List<ServiceAtLocation> locations = locations(random, id, org, town, place);
    service.serviceAtLocations(locations);

    if (random.nextDouble() < 0.97) {
      service.description(description(random, kind, locations.get(0).getLocation(), town));
    }
    if (random.nextDouble() < 0.75) {
      service.url("https://www." + org.domain() + "/services/" + Words.slug(name));
    }
    if (random.nextDouble() < 0.65) {
      service.email(Words.pick(List.of("info", "hello", "enquiries", Words.slug(kind.code())), random) + '@'
          + org.domain());
    }
    if (random.nextDouble() < 0.1) {
      service.accreditations(Words.pick(Words.ACCREDITATIONS, random));
    }
    Ages ages = kind.ages().get(random.nextInt(kind.ages().size()));
    if (ages.minimum() >= 0) {
      service.minimumAge(BigDecimal.valueOf(ages.minimum()));
    }
    if (ages.maximum() >= 0) {
      service.maximumAge(BigDecimal.valueOf(ages.maximum()));
    }
    LocalDate assured = null;
    if (random.nextDouble() < 0.85) {
      // Within the last month for most services, the month before for the rest: never stale by the ORUK
      // guidance's three months, and still fresh a month after the reference date.
      assured = random.nextDouble() < 0.6
          ? referenceDate.minusDays(1 + random.nextInt(30))
          : referenceDate.minusDays(31 + random.nextInt(RECENT_DAYS - 30));
      service.assuredDate(assured);
      if (random.nextDouble() < 0.4) {
        service.assurerEmail("directory@" + Words.slug(town.name()) + "-directory.example.org");
      }
    }
    if (service.getStatus() == ServiceStatus.TEMPORARILY_CLOSED ? random.nextDouble() < 0.7
        : random.nextDouble() < 0.06) {
      service.alert(Words.pick(Words.ALERTS, random));
    }
    if (random.nextDouble() < 0.95) {
      service.lastModified(lastModified(random, assured));
    }

    schedules(random, service, kind, org, locations.get(0).getId());
    serviceAreas(random, service, town);
    languages(random, service);
    funding(random, service);
    costOptions(random, service, kind);
    contacts(random, service);
    attributes(random, service, kind);
    service.organization(organization(org));
    return service;
  }

  private static Kind pickKind(List<Kind> kinds, SplittableRandom random) {
    return kinds.get(random.nextInt(kinds.size()));
  }

  private static ServiceStatus status(SplittableRandom random) {
    double roll = random.nextDouble();
    if (roll < 0.82) {
      return ServiceStatus.ACTIVE;
    }
    if (roll < 0.90) {
      return ServiceStatus.INACTIVE;
    }
    if (roll < 0.96) {
      return ServiceStatus.TEMPORARILY_CLOSED;
    }
    return ServiceStatus.DEFUNCT;
  }

  private static String description(SplittableRandom random, Kind kind, Location first, Town town) {
    // The service type's main sentence first, then one of its others.
    List<String> own = kind.sentences();
    StringBuilder text = new StringBuilder(300).append(own.get(0)).append(' ')
        .append(own.get(1 + random.nextInt(own.size() - 1)));
    int general = random.nextInt(3);
    int start = random.nextInt(Words.GENERAL_SENTENCES.size());
    for (int i = 0; i < general; i++) {
      text.append(' ').append(Words.GENERAL_SENTENCES.get((start + i) % Words.GENERAL_SENTENCES.size()));
    }
    if (first.getLocationType() == LocationType.VIRTUAL) {
      text.append(" Sessions take place online.");
    } else {
      text.append(" Based at ").append(first.getName()).append(", ").append(town.name()).append('.');
    }
    return text.toString();
  }

  /**
   * Some time from the start of the assured date (or of the day two months before the reference date) to
   * the end of the day before the reference date: never on or after the reference date, so never ahead of a
   * clock standing on it.
   */
  private OffsetDateTime lastModified(SplittableRandom random, @Nullable LocalDate assured) {
    LocalDate from = assured != null ? assured : referenceDate.minusDays(RECENT_DAYS);
    long days = ChronoUnit.DAYS.between(from, referenceDate);
    long offset = random.nextLong(days * DAY_MILLIS);
    Instant instant = from.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(offset);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  // ---------------------------------------------------------------------------------------- locations

  private List<ServiceAtLocation> locations(SplittableRandom random, String serviceId, OrganizationProfile org,
      Town town, String place) {
    double countRoll = random.nextDouble();
    int count = countRoll < 0.6 ? 1 : countRoll < 0.9 ? 2 : 3;
    ServiceAtLocation[] links = new ServiceAtLocation[count];
    for (int i = 0; i < count; i++) {
      boolean virtual = random.nextDouble() < (i == 0 ? 0.06 : 0.25);
      Location location;
      if (virtual) {
        location = virtualLocation(random);
      } else {
        Town where = i == 0 || random.nextDouble() < 0.7 ? town : Gazetteer.pick(random);
        String venuePlace = i == 0 ? place : Words.place(random);
        location = physicalLocation(random, org, where, venuePlace);
      }
      links[i] = new ServiceAtLocation()
          .id(Seeds.uuid(random))
          .serviceId(serviceId)
          .locationId(location.getId())
          .location(location);
    }
    return new ArrayList<>(List.of(links));
  }

  private static Location virtualLocation(SplittableRandom random) {
    Location location = new Location()
        .id(Seeds.uuid(random))
        .locationType(LocationType.VIRTUAL)
        .name(Words.pick(List.of("Online", "Video call sessions", "Telephone support"), random));
    if (random.nextDouble() < 0.6) {
      location.description("Sessions take place by video call; a link is sent when you book.");
    }
    return location;
  }

  private static Location physicalLocation(SplittableRandom random, OrganizationProfile org, Town town,
      String place) {
    String id = Seeds.uuid(random);
    String name = random.nextDouble() < 0.8
        ? place + ' ' + Words.pick(Words.VENUES, random)
        : "St " + Words.pick(Words.SAINTS, random) + "'s Church Hall";
    String street = Words.pick(Words.STREET_NAMES, random) + ' ' + Words.pick(Words.STREET_TYPES, random);
    Location location = new Location()
        .id(id)
        .locationType(LocationType.PHYSICAL)
        .name(name);
    if (random.nextDouble() < 0.35) {
      location.description(random.nextBoolean()
          ? "Entrance on " + street + '.'
          : Words.pick(List.of("Ground floor meeting room.", "Use the main entrance and ask at reception.",
              "The hall is at the back of the building."), random));
    }
    if (random.nextDouble() < 0.95) {
      location.latitude(coordinate(town.latitude() + (random.nextDouble() * 2 - 1) * 0.03));
      location.longitude(coordinate(town.longitude() + (random.nextDouble() * 2 - 1) * 0.045));
    }
    if (random.nextDouble() < 0.35) {
      location.externalIdentifier(Long.toString(100_000_000_000L + random.nextLong(9_000_000_000L)));
      location.externalIdentifierType("UPRN");
    }
    StringBuilder line = new StringBuilder(40);
    if (random.nextDouble() < 0.25) {
      line.append("Unit ").append(1 + random.nextInt(12)).append(", ");
    }
    line.append(1 + random.nextInt(180)).append(' ').append(street);
    Address address = new Address()
        .id(Seeds.uuid(random))
        .locationId(id)
        .address1(line.toString())
        .city(town.name())
        .stateProvince(town.county())
        .postalCode(Gazetteer.postcode(town, random))
        .country("GB")
        .addressType(AddressType.PHYSICAL);
    if (random.nextDouble() < 0.15) {
      address.attention(random.nextBoolean() ? "The Centre Manager" : Words.person(random));
    }
    if (random.nextDouble() < 0.4) {
      address.region(town.region());
    }
    location.addAddressesItem(address);
    if (random.nextDouble() < 0.35) {
      int count = 1 + random.nextInt(2);
      int start = random.nextInt(Words.ACCESS_DESCRIPTIONS.size());
      for (int i = 0; i < count; i++) {
        Accessibility access = new Accessibility()
            .id(Seeds.uuid(random))
            .locationId(id)
            .description(Words.ACCESS_DESCRIPTIONS.get((start + i) % Words.ACCESS_DESCRIPTIONS.size()));
        if (random.nextDouble() < 0.5) {
          access.details(Words.pick(Words.ACCESS_DETAILS, random));
        }
        if (random.nextDouble() < 0.3) {
          access.url("https://www." + org.domain() + "/accessibility");
        }
        if (random.nextDouble() < 0.5) {
          access.accessibility(Words.pick(List.of("Wheelchair accessible", "Partial wheelchair access",
              "Accessible toilet", "Hearing loop"), random));
        }
        location.addAccessibilityItem(access);
      }
    }
    return location;
  }

  private static BigDecimal coordinate(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  // ---------------------------------------------------------------------------------------- schedules

  private void schedules(SplittableRandom random, Service service, Kind kind, OrganizationProfile org,
      @Nullable String firstLinkId) {
    double countRoll = random.nextDouble();
    int count = countRoll < 0.15 ? 0 : countRoll < 0.8 ? 1 : 2;
    SampleVocabulary.Timing timing = kind.timing();
    int firstDays = random.nextInt(timing.days.size());
    for (int i = 0; i < count; i++) {
      String days = timing.days.get((firstDays + i) % timing.days.size());
      int[] hours = timing.hours.get(random.nextInt(timing.hours.size()));
      Schedule schedule = new Schedule()
          .id(Seeds.uuid(random))
          .serviceId(service.getId());
      if (random.nextDouble() < 0.2) {
        schedule.serviceAtLocationId(firstLinkId);
      }
      String firstDay = days.substring(0, 2);
      String times = Words.clock(hours[0], hours[1]) + " to " + Words.clock(hours[2], hours[3]);
      boolean monthly = random.nextDouble() < 0.2;
      boolean fortnightly = !monthly && random.nextDouble() < 0.15;
      if (monthly) {
        int ordinal = random.nextInt(5);
        String prefix = ordinal == 4 ? "-1" : Integer.toString(ordinal + 1);
        schedule.freq(ScheduleFrequency.MONTHLY).byday(prefix + firstDay)
            .description("On the " + (ordinal == 4 ? "last" : Words.ORDINALS.get(ordinal)) + ' '
                + Words.dayName(firstDay) + " of each month, " + times + '.');
      } else if (fortnightly) {
        schedule.freq(ScheduleFrequency.WEEKLY).interval(BigDecimal.valueOf(2)).byday(firstDay)
            .description("Every other " + Words.dayName(firstDay) + ", " + times + '.');
      } else {
        schedule.freq(ScheduleFrequency.WEEKLY).byday(days)
            .description("Every " + daysInWords(days) + ", " + times + '.');
      }
      schedule.opensAt(LocalTime.of(hours[0], hours[1])).closesAt(LocalTime.of(hours[2], hours[3]));
      LocalDate validFrom = null;
      if (random.nextDouble() < 0.3) {
        validFrom = referenceDate.minusDays(30 + random.nextInt(370));
        schedule.validFrom(validFrom);
      }
      if (random.nextDouble() < 0.2) {
        schedule.validTo(referenceDate.plusDays(30 + random.nextInt(270)));
      }
      if (fortnightly || random.nextDouble() < 0.1) {
        LocalDate base = validFrom != null ? validFrom : referenceDate.minusDays(random.nextInt(120));
        schedule.dtstart(base.with(TemporalAdjusters.nextOrSame(dayOfWeek(firstDay))));
      }
      if (random.nextDouble() < 0.4) {
        schedule.attendingType(Words.pick(Words.ATTENDING_TYPES, random));
      }
      if (random.nextDouble() < 0.3) {
        schedule.notes(Words.pick(Words.SCHEDULE_NOTES, random));
      }
      if (random.nextDouble() < 0.15) {
        schedule.scheduleLink("https://www." + org.domain() + "/book/" + kind.code());
      }
      service.addSchedulesItem(schedule);
    }
  }

  private static String daysInWords(String days) {
    if (days.equals("MO,TU,WE,TH,FR")) {
      return "weekday (Monday to Friday)";
    }
    String[] codes = days.split(",", -1);
    StringBuilder text = new StringBuilder(40);
    for (int i = 0; i < codes.length; i++) {
      if (i > 0) {
        text.append(i == codes.length - 1 ? " and " : ", ");
      }
      text.append(Words.dayName(codes[i]));
    }
    return text.toString();
  }

  private static DayOfWeek dayOfWeek(String code) {
    return switch (code) {
      case "MO" -> DayOfWeek.MONDAY;
      case "TU" -> DayOfWeek.TUESDAY;
      case "WE" -> DayOfWeek.WEDNESDAY;
      case "TH" -> DayOfWeek.THURSDAY;
      case "FR" -> DayOfWeek.FRIDAY;
      case "SA" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }

  // ------------------------------------------------------------------------------------ other details

  private static void serviceAreas(SplittableRandom random, Service service, Town town) {
    double roll = random.nextDouble();
    int count = roll < 0.4 ? 0 : roll < 0.85 ? 1 : 2;
    for (int i = 0; i < count; i++) {
      String area = i == 0 ? town.name() : town.county();
      ServiceArea serviceArea = new ServiceArea()
          .id(Seeds.uuid(random))
          .serviceId(service.getId())
          .name(area)
          .serviceArea(i == 0 ? area + " and surrounding areas" : "Anywhere in " + area);
      if (random.nextDouble() < 0.3) {
        serviceArea.uri("https://areas.example.org/" + Words.slug(area));
      }
      service.addServiceAreasItem(serviceArea);
    }
  }

  private static void languages(SplittableRandom random, Service service) {
    double roll = random.nextDouble();
    int count = roll < 0.5 ? 0 : roll < 0.85 ? 1 : 2;
    for (int i = 0; i < count; i++) {
      service.addLanguagesItem(new Language().id(Seeds.uuid(random)).serviceId(service.getId()));
    }
  }

  private static void funding(SplittableRandom random, Service service) {
    double roll = random.nextDouble();
    int count = roll < 0.55 ? 0 : roll < 0.9 ? 1 : 2;
    int start = random.nextInt(Words.FUNDING_SOURCES.size());
    for (int i = 0; i < count; i++) {
      service.addFundingItem(new Funding()
          .id(Seeds.uuid(random))
          .serviceId(service.getId())
          .source(Words.FUNDING_SOURCES.get((start + i) % Words.FUNDING_SOURCES.size())));
    }
  }

  private void costOptions(SplittableRandom random, Service service, Kind kind) {
    boolean paid = random.nextDouble() < kind.paidShare();
    if (paid) {
      BigDecimal price = kind.prices().get(random.nextInt(kind.prices().size()));
      String text = '£' + price.toPlainString() + ' ' + lower(kind.priceOption());
      CostOption option = new CostOption()
          .id(Seeds.uuid(random))
          .serviceId(service.getId())
          .option(kind.priceOption())
          .amount(price)
          .amountDescription(text);
      if (random.nextDouble() < 0.2) {
        option.validFrom(referenceDate.minusDays(60 + random.nextInt(300)));
        if (random.nextBoolean()) {
          option.validTo(referenceDate.plusDays(60 + random.nextInt(300)));
        }
      }
      service.addCostOptionsItem(option);
      if (random.nextDouble() < 0.3) {
        BigDecimal concession = price.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        service.addCostOptionsItem(new CostOption()
            .id(Seeds.uuid(random))
            .serviceId(service.getId())
            .option("Concession")
            .amount(concession)
            .amountDescription("£" + concession.toPlainString() + " for people on a low income"));
      }
      if (random.nextDouble() < 0.15) {
        service.fees(text);
      }
    } else if (random.nextDouble() < 0.6) {
      CostOption option = new CostOption()
          .id(Seeds.uuid(random))
          .serviceId(service.getId())
          .option("Free")
          .amountDescription("No charge");
      if (random.nextBoolean()) {
        option.amount(BigDecimal.ZERO);
      }
      service.addCostOptionsItem(option);
      if (random.nextDouble() < 0.1) {
        service.fees("Free");
      }
    }
  }

  private static void contacts(SplittableRandom random, Service service) {
    double roll = random.nextDouble();
    int count = roll < 0.3 ? 0 : roll < 0.8 ? 1 : 2;
    for (int i = 0; i < count; i++) {
      Contact contact = new Contact()
          .id(Seeds.uuid(random))
          .serviceId(service.getId())
          .name(Words.person(random));
      if (random.nextDouble() < 0.85) {
        contact.title(Words.pick(Words.JOB_TITLES, random));
      }
      service.addContactsItem(contact);
    }
  }

  private static void attributes(SplittableRandom random, Service service, Kind kind) {
    service.addAttributesItem(attribute(random, service.getId(), SampleVocabulary.term(kind)));
    if (random.nextDouble() < 0.4) {
      service.addAttributesItem(attribute(random, service.getId(), SampleVocabulary.term(kind.category())));
    }
    if (random.nextDouble() < 0.15) {
      Kind other = pickKind(SampleVocabulary.KINDS, random);
      if (other != kind) {
        service.addAttributesItem(attribute(random, service.getId(), SampleVocabulary.term(other)));
      }
    }
  }

  private static Attribute attribute(SplittableRandom random, @Nullable String serviceId,
      TaxonomyTerm term) {
    return new Attribute()
        .id(Seeds.uuid(random))
        .linkId(serviceId)
        .taxonomyTermId(term.getId())
        .taxonomyTerm(term);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String pad8(int number) {
    String digits = Integer.toString(number);
    return "00000000".substring(digits.length()) + digits;
  }
}
