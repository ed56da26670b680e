package io.github.oruk.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Applies record-level quirks to the JSON tree of one canonical service. */
final class QuirkInjector {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter LOCAL_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS",
      Locale.ROOT);
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final List<String> UNKNOWN_STATUSES = List.of("open", "suspended", "closed permanently",
      "pending review", "archived");

  private final LocalDate referenceDate;

  QuirkInjector(LocalDate referenceDate) {
    this.referenceDate = referenceDate;
  }

  /** Changes {@code service} in place; quirks are applied in their declaration order. */
  void apply(ObjectNode service, Set<Quirk> quirks, SplittableRandom random) {
    for (Quirk quirk : quirks) {
      switch (quirk) {
        case BYTE_ORDER_MARK -> { } // a property of the bytes, added by the caller
        case LAST_MODIFIED_WITHOUT_OFFSET -> {
          OffsetDateTime when = service.hasNonNull("last_modified")
              ? OffsetDateTime.parse(service.get("last_modified").asText())
              : referenceDate.atTime(10, 15, 30, 250_000_000).atZone(LONDON).toOffsetDateTime();
          service.put("last_modified", when.atZoneSameInstant(LONDON).toLocalDateTime().format(LOCAL_MILLIS));
        }
        case NON_UUID_ID -> service.put("id", "SVC-" + (100_000 + random.nextInt(900_000)));
        case MINIMUM_AGE_AS_STRING -> {
          String age = service.hasNonNull("minimum_age") ? service.get("minimum_age").asText()
              : service.has("maximum_age") ? "0" : "18";
          service.put("minimum_age", age);
        }
        case UNKNOWN_STATUS -> service.put("status", Words.pick(UNKNOWN_STATUSES, random));
        case STATUS_WRONG_CASE -> service.put("status", misspell(service.path("status").asText("active"), random));
        case HTML_IN_DESCRIPTION -> {
          String text = service.path("description").asText(service.path("name").asText("A local service") + '.');
          service.put("description", random.nextBoolean()
              ? "<p>" + text + "</p>"
              : "<p><strong>" + service.path("name").asText("Welcome") + "</strong><br>" + text + "</p>");
        }
        case VENDOR_EXTENSION -> {
          ObjectNode metadata = service.putObject("pc_metadata");
          metadata.put("source_system", "example-directory-cms");
          metadata.put("record_version", 1 + random.nextInt(40));
          metadata.put("reviewed_by_team", random.nextBoolean());
        }
        case NULL_FOR_OPTIONAL -> service.putNull("alert");
        case ASSURED_DATE_WITH_TIME -> service.put("assured_date", date(service, "assured_date", random)
            + "T00:00:00.000Z");
        case EXTERNAL_IDENTIFIER_AS_NUMBER -> externalIdentifierAsNumber(service, random);
        case CONTACTS_AS_SINGLE_OBJECT -> {
          JsonNode contacts = service.get("contacts");
          ObjectNode contact;
          if (contacts instanceof ArrayNode list && list.size() > 0 && list.get(0) instanceof ObjectNode first) {
            contact = first;
          } else {
            contact = service.objectNode();
            contact.put("id", Seeds.uuid(random));
            if (service.hasNonNull("id")) {
              contact.put("service_id", service.get("id").asText());
            }
            contact.put("name", Words.person(random));
          }
          service.set("contacts", contact);
        }
        case ORGANIZATION_AS_STRING -> service.put("organization",
            service.path("organization").path("name").asText("Unknown organisation"));
        case UK_DATE_FORMAT -> ukDate(service, random);
        default -> throw new IllegalStateException("no injection for " + quirk);
      }
    }
  }

  private static String misspell(String status, SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> status.toUpperCase(Locale.ROOT);
      case 1 -> titleCase(status);
      default -> Character.toUpperCase(status.charAt(0)) + status.substring(1);
    };
  }

  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean start = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ';
    }
    return out.toString();
  }

  private String date(ObjectNode node, String property, SplittableRandom random) {
    JsonNode existing = node.get(property);
    return existing != null && existing.isTextual()
        ? existing.asText()
        : referenceDate.minusDays(30 + random.nextInt(300)).toString();
  }

  private static void externalIdentifierAsNumber(ObjectNode service, SplittableRandom random) {
    JsonNode location = service.path("service_at_locations").path(0).path("location");
    if (!(location instanceof ObjectNode target)) {
      throw new IllegalArgumentException("EXTERNAL_IDENTIFIER_AS_NUMBER needs a service with a location in"
          + " service_at_locations/0/location; this service has none.");
    }
    long uprn;
    JsonNode existing = target.get("external_identifier");
    if (existing != null && existing.isTextual() && isDigits(existing.asText())) {
      uprn = Long.parseLong(existing.asText());
    } else {
      uprn = 100_000_000_000L + random.nextLong(9_000_000_000L);
    }
    target.put("external_identifier", uprn);
    if (!target.has("external_identifier_type")) {
      target.put("external_identifier_type", "UPRN");
    }
  }

  private void ukDate(ObjectNode service, SplittableRandom random) {
    JsonNode schedules = service.get("schedules");
    ObjectNode schedule;
    if (schedules instanceof ArrayNode list && list.size() > 0 && list.get(0) instanceof ObjectNode first) {
      schedule = first;
    } else {
      schedule = service.objectNode();
      schedule.put("id", Seeds.uuid(random));
      if (service.hasNonNull("id")) {
        schedule.put("service_id", service.get("id").asText());
      }
      service.putArray("schedules").add(schedule);
    }
    LocalDate date = LocalDate.parse(date(schedule, "valid_from", random));
    schedule.put("valid_from", date.format(UK_DATE));
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
