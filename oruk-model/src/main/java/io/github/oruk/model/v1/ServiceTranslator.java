package io.github.oruk.model.v1;

import static io.github.oruk.model.json.ReadCode.V1_EMPTY_VALUE_OMITTED;
import static io.github.oruk.model.json.ReadCode.V1_PROPERTY_KEPT;
import static io.github.oruk.model.json.ReadCode.V1_PROPERTY_MAPPED;
import static io.github.oruk.model.json.ReadCode.V1_REQUIRED_MISSING;
import static io.github.oruk.model.v1.FindingLog.count;
import static io.github.oruk.model.v1.FindingLog.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Accessibility;
import io.github.oruk.model.Address;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Contact;
import io.github.oruk.model.CostOption;
import io.github.oruk.model.Funding;
import io.github.oruk.model.Language;
import io.github.oruk.model.Location;
import io.github.oruk.model.Organization;
import io.github.oruk.model.Schedule;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceArea;
import io.github.oruk.model.ServiceAtLocation;
import io.github.oruk.model.TaxonomyTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Maps one v1 service (and everything nested in it) to an ORUK 3.0 service tree, reporting to a
 * {@link FindingLog}. One instance serves one document: a service, or every service of a page.
 *
 * <p>Every object is mapped the same way: null and empty values are left out; properties with a v1-specific
 * meaning are handled by the object's own rules; every other property is carried over unchanged when
 * ORUK 3.0 has a property of that name on the target entity, and otherwise kept as an extension under
 * its own name. Identifiers implied by nesting ({@code service_id}, {@code location_id}, ...) are filled in
 * where the v1 document did not give them.
 */
final class ServiceTranslator {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An ORUK 3.0 entity the mapping produces, with why some v1 properties have no home on it. */
  private record Target(String singular, String plural, Class<?> model, Map<String, String> reasons) {
  }

  private static final Target SERVICE = new Target("service", "services", Service.class, Map.of(
      "deliverable_type", "ORUK 3.0 has no deliverable type (in 3.0 it would be a taxonomy term)",
      "attending_type", "ORUK 3.0 has attending_type on schedules only, not on the service",
      "attending_access", "ORUK 3.0 has no property for how a service is accessed (referral, appointment, drop-in, ...)",
      "reviews", "ORUK 3.0 has no reviews",
      "holiday_schedules", "ORUK 3.0 schedules are recurrence rules and have no holiday or closure entries",
      "regular_schedules", "expected a list of schedules, so it could not be mapped to schedules"));
  private static final Target ORGANIZATION = new Target("organization", "organizations", Organization.class,
      Map.of("url", "the organization also gives website, which is where ORUK 3.0 keeps its web address"));
  private static final Target CONTACT = new Target("contact", "contacts", Contact.class, Map.of(
      "phones", "UK 3.0 contacts have no phones (3.0 defines a phone entity, but no UK entity links to it)"));
  private static final Target COST_OPTION = new Target("cost option", "cost options", CostOption.class, Map.of());
  private static final Target FUNDING = new Target("funding", "fundings", Funding.class, Map.of());
  private static final Target LANGUAGE = new Target("language", "languages", Language.class, Map.of(
      "language", "a UK 3.0 language entry has only id, service_id and phone_id, so the language itself has"
          + " no typed home"));
  private static final Target SCHEDULE = new Target("schedule", "schedules", Schedule.class, Map.of());
  private static final Target SERVICE_AREA = new Target("service area", "service areas", ServiceArea.class, Map.of());
  private static final Target SERVICE_AT_LOCATION = new Target("service at location", "service at locations",
      ServiceAtLocation.class, Map.of(
          "holiday_schedules", "ORUK 3.0 schedules are recurrence rules and have no holiday or closure entries",
          "regular_schedules", "expected a list of schedules, so it could not be mapped to schedules"));
  private static final Target LOCATION = new Target("location", "locations", Location.class, Map.of(
      "physical_addresses", "expected a list of addresses, so it could not be mapped to addresses",
      "postal_addresses", "expected a list of addresses, so it could not be mapped to addresses"));
  private static final Target ADDRESS = new Target("address", "addresses", Address.class, Map.of());
  private static final Target ACCESSIBILITY = new Target("accessibility entry", "accessibility entries",
      Accessibility.class, Map.of());
  private static final Target ATTRIBUTE = new Target("attribute", "attributes", Attribute.class, Map.of());
  private static final Target TAXONOMY_TERM = new Target("taxonomy term", "taxonomy terms", TaxonomyTerm.class,
      Map.of("vocabulary", "the taxonomy also gives taxonomy, which is where ORUK 3.0 names the vocabulary",
          "parent", "the taxonomy also gives parent_id, which is where ORUK 3.0 keeps the parent"));

  /** Handles the properties of one object that need more than carrying over; false leaves it to the default. */
  @FunctionalInterface
  private interface Rules {
    boolean handle(String name, JsonNode value, String pointer, ObjectNode out);
  }

  private static final Rules NO_RULES = (name, value, pointer, out) -> false;

  /** Maps one entry of a v1 list. */
  @FunctionalInterface
  private interface ItemMapper {
    JsonNode map(JsonNode item, String pointer);
  }

  private final FindingLog log;

  ServiceTranslator(FindingLog log) {
    this.log = log;
  }

  // ------------------------------------------------------------------------------------------- service

  /** Maps a v1 service found at {@code at} (a JSON Pointer into the v1 document). */
  ObjectNode service(JsonNode v1, String at) {
    String serviceId = idText(v1.get("id"));
    List<JsonNode> locationSchedules = new ArrayList<>();
    Rules rules = (name, value, pointer, out) -> {
      switch (name) {
        case "organization" -> organization(out, value, pointer);
        case "contacts" -> mapList(out, "contacts", value, pointer, (item, p) -> child(item, p, CONTACT, serviceId));
        case "cost_options" ->
            mapList(out, "cost_options", value, pointer, (item, p) -> child(item, p, COST_OPTION, serviceId));
        case "fundings" -> {
          log.add(V1_PROPERTY_MAPPED, "fundings", pointer, entries(value), null, (n, notes) ->
              "fundings (" + count(n, "entry", "entries") + ") renamed funding, as ORUK 3.0 calls it.");
          mapList(out, "funding", value, pointer, (item, p) -> child(item, p, FUNDING, serviceId));
        }
        case "languages" -> mapList(out, "languages", value, pointer, (item, p) -> child(item, p, LANGUAGE, serviceId));
        case "regular_schedules" -> {
          if (!isList(value)) {
            return false;
          }
          log.add(V1_PROPERTY_MAPPED, "regular_schedules", pointer, entries(value), null, (n, notes) ->
              "regular_schedules (" + count(n, "schedule", "schedules") + ") moved to schedules, with service_id set.");
          schedules(out).addAll(list(value, pointer, name, (item, p) -> schedule(item, p, serviceId, null)));
        }
        case "service_areas" -> mapList(out, "service_areas", value, pointer, (item, p) -> serviceArea(item, p, serviceId));
        case "service_at_locations" -> {
          mapList(out, "service_at_locations", value, pointer,
              (item, p) -> serviceAtLocation(item, p, serviceId, locationSchedules));
          if (!locationSchedules.isEmpty()) {
            schedules(out); // claims the name now, so that no v1 property can take it
          }
        }
        case "service_taxonomys" -> {
          log.add(V1_PROPERTY_MAPPED, "service_taxonomys", pointer, entries(value), null, (n, notes) ->
              "service_taxonomys (" + count(n, "entry", "entries") + ") mapped to attributes: each v1 taxonomy"
                  + " became the attribute's taxonomy_term, with taxonomy_term_id and link_id set.");
          mapList(out, "attributes", value, pointer, (item, p) -> attribute(item, p, serviceId));
        }
        case "eligibilitys" -> eligibility(out, v1, value, pointer);
        default -> {
          return false;
        }
      }
      return true;
    };
    return mapObject(v1, at, SERVICE, rules, out -> {
      JsonNode organization = out.get("organization");
      if (organization != null && organization.isObject()) {
        setIfAbsent(out, "organization_id", idText(organization.get("id")));
      }
      if (!locationSchedules.isEmpty()) {
        schedules(out).addAll(locationSchedules);
      }
    });
  }

  private void organization(ObjectNode service, JsonNode value, String at) {
    if (!value.isObject()) {
      service.set("organization", value.deepCopy()); // the reader keeps it aside and says so
      return;
    }
    Rules rules = (name, v, pointer, out) -> {
      if (name.equals("url") && isEmpty(value.get("website"))) {
        out.set("website", v.deepCopy());
        log.add(V1_PROPERTY_MAPPED, "organization.url", pointer, 1, null, (n, notes) ->
            "organization url renamed website, as ORUK 3.0 calls an organization's web address.");
        return true;
      }
      return false;
    };
    service.set("organization", mapObject(value, at, ORGANIZATION, rules, out -> { }));
  }

  /** A child entity whose properties all carry over, with {@code service_id} set. */
  private JsonNode child(JsonNode v1, String at, Target target, @Nullable String serviceId) {
    return mapObject(v1, at, target, NO_RULES, out -> setIfAbsent(out, "service_id", serviceId));
  }

  private JsonNode serviceArea(JsonNode v1, String at, @Nullable String serviceId) {
    return mapObject(v1, at, SERVICE_AREA, NO_RULES, out -> {
      JsonNode area = out.get("service_area");
      if (area != null && !out.has("name")) {
        out.set("name", area.deepCopy());
        log.add(V1_PROPERTY_MAPPED, "service_area.name", at + "/service_area", 1, null, (n, notes) ->
            "service_area text also copied to name on " + count(n, "service area", "service areas")
                + ": ORUK 3.0 names an area in name and keeps service_area only as a UK addition.");
      }
      setIfAbsent(out, "service_id", serviceId);
    });
  }

  /**
   * ORUK 3.0 has one age range per service and no eligibility entity: the ages move up when exactly one
   * eligibility gives any, and everything else stays as the extension {@code eligibilitys}.
   */
  private void eligibility(ObjectNode out, JsonNode service, JsonNode value, String at) {
    if (!value.isArray() && !value.isObject()) {
      keep(out, "eligibilitys", value, at, SERVICE, "expected a list of eligibilities; ORUK 3.0 has no eligibility"
          + " entity", null);
      return;
    }
    ArrayNode entries = value.isArray() ? (ArrayNode) value : NODES.arrayNode().add(value);
    List<Integer> withAges = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (entry.isObject() && (!isEmpty(entry.get("minimum_age")) || !isEmpty(entry.get("maximum_age")))) {
        withAges.add(i);
      }
    }
    boolean serviceHasAges = !isEmpty(service.get("minimum_age")) || !isEmpty(service.get("maximum_age"));
    if (withAges.size() != 1 || serviceHasAges) {
      String reason = serviceHasAges
          ? "the service gives minimum_age or maximum_age itself, so the eligibilities' ages were not used"
          : withAges.isEmpty()
              ? "ORUK 3.0 has no eligibility entity, and no entry gives an age to move to minimum_age or maximum_age"
              : "ORUK 3.0 holds one age range per service, and more than one eligibility gives ages, so none was"
                  + " chosen";
      keep(out, "eligibilitys", value, at, SERVICE, reason, null);
      return;
    }
    int index = withAges.get(0);
    String entryAt = value.isArray() ? at + "/" + index : at;
    ObjectNode entry = (ObjectNode) entries.get(index);
    List<String> moved = new ArrayList<>();
    for (String age : List.of("minimum_age", "maximum_age")) {
      if (!isEmpty(entry.get(age))) {
        out.set(age, entry.get(age).deepCopy());
        moved.add(age);
      }
    }
    log.add(V1_PROPERTY_MAPPED, "eligibility ages", entryAt, 1, null, (n, notes) ->
        "the one eligibility that gives ages had them moved to the service's " + String.join(" and ", moved)
            + ", where ORUK 3.0 keeps a service's age range.");
    ArrayNode rest = entries.deepCopy();
    ObjectNode remainder = (ObjectNode) rest.get(index);
    remainder.remove(List.of("minimum_age", "maximum_age"));
    if (remainder.isEmpty()) {
      rest.remove(index);
    }
    if (!rest.isEmpty()) {
      keep(out, "eligibilitys", rest, at, SERVICE, "ORUK 3.0 has no eligibility entity, so the eligibility text"
          + " and anything else on each entry stay here; the ages moved to the service", null);
    }
  }

  // ------------------------------------------------------------------------------------------- schedules

  private JsonNode schedule(JsonNode v1, String at, @Nullable String serviceId, @Nullable String serviceAtLocationId) {
    Rules rules = (name, value, pointer, out) -> name.equals("weekday");
    return mapObject(v1, at, SCHEDULE, rules, out -> {
      JsonNode weekday = v1.get("weekday");
      if (!isEmpty(weekday)) {
        weekday(out, weekday, at + "/weekday");
      }
      setIfAbsent(out, "service_id", serviceId);
      setIfAbsent(out, "service_at_location_id", serviceAtLocationId);
    });
  }

  private void weekday(ObjectNode out, JsonNode weekday, String at) {
    String byday = Weekdays.toByDay(weekday);
    String seen = weekday.isTextual() ? '"' + weekday.asText() + '"' : weekday.toString();
    if (byday == null) {
      keep(out, "weekday", weekday, at, SCHEDULE, "it is not understood as days of the week, so no byday could be"
          + " made from it", seen);
      return;
    }
    JsonNode given = out.get("byday");
    if (given != null) {
      if (given.isTextual() && Weekdays.sameDays(given.asText(), byday)) {
        log.add(V1_PROPERTY_MAPPED, "weekday agrees", at, 1, null, (n, notes) ->
            "weekday names the same days as byday on " + count(n, "schedule", "schedules")
                + "; byday carries it in ORUK 3.0.");
      } else {
        keep(out, "weekday", weekday, at, SCHEDULE, "it names other days than the schedule's own byday, which was"
            + " used as given", seen);
      }
      return;
    }
    out.put("byday", byday);
    boolean setFrequency = !out.has("freq");
    if (setFrequency) {
      out.put("freq", "WEEKLY");
    }
    String note = Weekdays.isNumeric(weekday)
        ? "weekday numbers were read as ISO 8601 counts them, 1 = Monday to 7 = Sunday (0 = Sunday)"
        : null;
    log.add(V1_PROPERTY_MAPPED, "weekday", at, 1, note, (n, notes) ->
        "weekday turned into byday on " + count(n, "schedule", "schedules")
            + " (with freq WEEKLY where no freq was given), as ORUK 3.0 schedules are recurrence rules"
            + (notes.isEmpty() ? "" : "; " + join(notes)) + ".");
  }

  private static ArrayNode schedules(ObjectNode service) {
    JsonNode schedules = service.get("schedules");
    return schedules instanceof ArrayNode array ? array : service.putArray("schedules");
  }

  // ------------------------------------------------------------------------------------------- locations

  private JsonNode serviceAtLocation(JsonNode v1, String at, @Nullable String serviceId, List<JsonNode> schedules) {
    String id = idText(v1.get("id"));
    Rules rules = (name, value, pointer, out) -> {
      switch (name) {
        case "location" -> out.set("location", value.isObject() ? location(value, pointer) : value.deepCopy());
        case "regular_schedules" -> {
          if (!isList(value)) {
            return false;
          }
          log.add(V1_PROPERTY_MAPPED, "service_at_location.regular_schedules", pointer, entries(value), null,
              (n, notes) -> "regular_schedules of service_at_locations (" + count(n, "schedule", "schedules")
                  + ") moved to the service's schedules with service_at_location_id and service_id set, as"
                  + " ORUK 3.0 keeps every schedule on the service.");
          // Not null: isList(value) holds.
          Objects.requireNonNull(list(value, pointer, name, (item, p) -> schedule(item, p, serviceId, id)))
              .forEach(schedules::add);
        }
        default -> {
          return false;
        }
      }
      return true;
    };
    return mapObject(v1, at, SERVICE_AT_LOCATION, rules, out -> {
      setIfAbsent(out, "service_id", serviceId);
      JsonNode location = out.get("location");
      if (location != null && location.isObject()) {
        setIfAbsent(out, "location_id", idText(location.get("id")));
      }
    });
  }

  private JsonNode location(JsonNode v1, String at) {
    String id = idText(v1.get("id"));
    Rules rules = (name, value, pointer, out) -> {
      switch (name) {
        case "physical_addresses", "postal_addresses" -> {
          String type = name.equals("physical_addresses") ? "physical" : "postal";
          if (!isList(value)) {
            return false;
          }
          log.add(V1_PROPERTY_MAPPED, "location." + name, pointer, entries(value), null, (n, notes) ->
              name + " (" + count(n, "address", "addresses") + ") moved to the location's addresses with"
                  + " address_type \"" + type + "\" and location_id set.");
          addresses(out).addAll(list(value, pointer, name, (item, p) -> address(item, p, type, id)));
        }
        case "accessibility_for_disabilities" -> {
          log.add(V1_PROPERTY_MAPPED, "location." + name, pointer, entries(value), null, (n, notes) ->
              "accessibility_for_disabilities (" + count(n, "entry", "entries") + ") renamed accessibility;"
                  + " each entry's text is in both accessibility and description, with location_id set.");
          mapList(out, "accessibility", value, pointer, (item, p) -> accessibility(item, p, id));
        }
        default -> {
          return false;
        }
      }
      return true;
    };
    return mapObject(v1, at, LOCATION, rules, out -> {
      if (!out.has("location_type")) {
        String type = hasAddress(out, "physical") || (out.has("latitude") && out.has("longitude"))
            ? "physical"
            : hasAddress(out, "postal") ? "postal" : "virtual";
        out.put("location_type", type);
        log.add(V1_PROPERTY_MAPPED, "location_type", at, 1, '"' + type + '"', (n, notes) ->
            "v1 locations have no location_type, which ORUK 3.0 requires; set it on "
                + count(n, "location", "locations") + " from what each has (an address or coordinates:"
                + " physical; only a postal address: postal; neither: virtual), giving " + join(notes) + ".");
      }
    });
  }

  private static ArrayNode addresses(ObjectNode location) {
    JsonNode addresses = location.get("addresses");
    return addresses instanceof ArrayNode array ? array : location.putArray("addresses");
  }

  private static boolean hasAddress(ObjectNode location, String type) {
    JsonNode addresses = location.get("addresses");
    if (addresses instanceof ArrayNode array) {
      for (JsonNode address : array) {
        if (type.equals(address.path("address_type").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode address(JsonNode v1, String at, String type, @Nullable String locationId) {
    return mapObject(v1, at, ADDRESS, NO_RULES, out -> {
      setIfAbsent(out, "address_type", type);
      if (!out.has("country")) {
        out.put("country", "GB");
        log.add(V1_PROPERTY_MAPPED, "address.country", at, 1, null, (n, notes) ->
            count(n, "address gives", "addresses give") + " no country, which ORUK 3.0 requires; set to \"GB\","
                + " as ORUK describes UK services.");
      }
      setIfAbsent(out, "location_id", locationId);
    });
  }

  private JsonNode accessibility(JsonNode v1, String at, @Nullable String locationId) {
    return mapObject(v1, at, ACCESSIBILITY, NO_RULES, out -> {
      JsonNode text = out.get("accessibility");
      if (text != null && !out.has("description")) {
        out.set("description", text.deepCopy());
      }
      setIfAbsent(out, "location_id", locationId);
    });
  }

  // ------------------------------------------------------------------------------------------- taxonomy

  private JsonNode attribute(JsonNode v1, String at, @Nullable String serviceId) {
    Rules rules = (name, value, pointer, out) -> {
      if (name.equals("taxonomy") && value.isObject()) {
        out.set("taxonomy_term", taxonomyTerm(value, pointer));
        return true;
      }
      return false;
    };
    return mapObject(v1, at, ATTRIBUTE, rules, out -> {
      JsonNode term = out.get("taxonomy_term");
      if (term != null && term.isObject()) {
        setIfAbsent(out, "taxonomy_term_id", idText(term.get("id")));
      }
      setIfAbsent(out, "link_id", serviceId);
    });
  }

  private JsonNode taxonomyTerm(JsonNode v1, String at) {
    Rules rules = (name, value, pointer, out) -> {
      switch (name) {
        case "vocabulary" -> {
          if (!isEmpty(v1.get("taxonomy"))) {
            return false;
          }
          out.set("taxonomy", value.deepCopy());
          log.add(V1_PROPERTY_MAPPED, "taxonomy.vocabulary", pointer, 1, null, (n, notes) ->
              "vocabulary renamed taxonomy on " + count(n, "taxonomy term", "taxonomy terms")
                  + ", where ORUK 3.0 names the vocabulary a term comes from.");
        }
        case "parent" -> {
          if (!isEmpty(v1.get("parent_id"))) {
            return false;
          }
          if (value.isObject()) {
            String parentId = idText(value.get("id"));
            setIfAbsent(out, "parent_id", parentId);
            keep(out, "parent", value, pointer, TAXONOMY_TERM, "a 3.0 taxonomy term refers to its parent by"
                + (parentId == null ? " parent_id, and this parent has no id" : " parent_id alone, which was set from"
                + " the parent's id"), null);
            return true;
          }
          out.set("parent_id", value.deepCopy());
          log.add(V1_PROPERTY_MAPPED, "taxonomy.parent", pointer, 1, null, (n, notes) ->
              "parent renamed parent_id on " + count(n, "taxonomy term", "taxonomy terms") + ", as ORUK 3.0 calls it.");
        }
        default -> {
          return false;
        }
      }
      return true;
    };
    return mapObject(v1, at, TAXONOMY_TERM, rules, out -> { });
  }

  // ------------------------------------------------------------------------------------------- machinery

  /**
   * Maps one v1 object: null and empty values are left out, {@code rules} handle what needs handling,
   * everything else is carried over or kept, then {@code finish} fills in what the object implies, and
   * missing required properties are reported. The result is in the standard's property order, with
   * extensions after.
   */
  private ObjectNode mapObject(JsonNode v1, String at, Target target, Rules rules, Consumer<ObjectNode> finish) {
    ObjectNode out = NODES.objectNode();
    List<String> rest = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : v1.properties()) {
      String pointer = at + "/" + escape(field.getKey());
      if (isEmpty(field.getValue())) {
        omitted(pointer);
      } else if (!rules.handle(field.getKey(), field.getValue(), pointer, out)) {
        rest.add(field.getKey());
      }
    }
    for (String name : rest) {
      JsonNode value = v1.get(name);
      if (Model.properties(target.model()).contains(name) && !out.has(name)) {
        out.set(name, value.deepCopy());
      } else {
        keep(out, name, value, at + "/" + escape(name), target, target.reasons().get(name), null);
      }
    }
    finish.accept(out);
    for (String property : Model.required(target.model())) {
      if (!out.has(property)) {
        log.add(V1_REQUIRED_MISSING, "required " + target.singular() + "." + property, at, 1, null, (n, notes) ->
            "ORUK 3.0 requires " + property + " on every " + target.singular() + ", and the v1 document gives"
                + " none for " + count(n, target.singular(), target.plural())
                + "; left it absent rather than inventing a value.");
      }
    }
    return ordered(out, target.model());
  }

  /**
   * Keeps a v1 value as an extension on {@code out}, under its own name unless the mapping already
   * filled a property of that name.
   */
  private void keep(ObjectNode out, String name, JsonNode value, String at, Target target, @Nullable String reason,
      @Nullable String note) {
    String as = name;
    for (int i = 1; out.has(as) || Model.properties(target.model()).contains(as); i++) {
      as = name + "_v1" + (i == 1 ? "" : "_" + i);
    }
    out.set(as, value.deepCopy());
    String keptAs = as;
    String why = reason != null ? reason
        : keptAs.equals(name) ? "it is neither a v1 property this mapping knows nor an ORUK 3.0 property of a "
            + target.singular()
        : "the mapping had already filled " + name + " from other v1 properties";
    log.add(V1_PROPERTY_KEPT, "keep " + target.singular() + "." + name + " as " + keptAs + ": " + why, at, 1, note,
        (n, notes) -> name + " kept as the extension " + keptAs + " on " + count(n, target.singular(), target.plural())
            + ": " + why + (notes.isEmpty() ? "" : " (" + join(notes) + ")") + ".");
  }

  /** Maps a v1 list into {@code out.name}; a value that is no list or object is passed on unchanged. */
  private void mapList(ObjectNode out, String name, JsonNode value, String at, ItemMapper mapper) {
    ArrayNode mapped = list(value, at, name, mapper);
    out.set(name, mapped != null ? mapped : value.deepCopy()); // the reader keeps a stray value aside
  }

  /**
   * The mapped entries of a v1 list; a single object is read as a list of one. Null when the value is
   * neither. Entries that are not objects are passed on unchanged for the reader to keep aside.
   */
  private @Nullable ArrayNode list(JsonNode value, String at, String name, ItemMapper mapper) {
    ArrayNode out = NODES.arrayNode();
    if (value.isObject()) {
      log.add(V1_PROPERTY_MAPPED, "single object " + name, at, 1, null, (n, notes) ->
          "expected a list for " + name + ", found a single object; mapped it as a list of one"
              + (n > 1 ? " (" + n + " times)" : "") + ".");
      out.add(mapper.map(value, at));
      return out;
    }
    if (!value.isArray()) {
      return null;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String pointer = at + "/" + i;
      if (isEmpty(item)) {
        omitted(pointer);
      } else {
        out.add(item.isObject() ? mapper.map(item, pointer) : item.deepCopy());
      }
    }
    return out;
  }

  private void omitted(String pointer) {
    log.add(V1_EMPTY_VALUE_OMITTED, "empty", pointer, 1, null, (n, notes) ->
        "left out " + count(n, "value that was", "values that were") + " null or empty: ORUK v1 allowed such"
            + " values, ORUK 3.0 asks for them to be left out. Nothing was lost.");
  }

  private static ObjectNode ordered(ObjectNode out, Class<?> model) {
    ObjectNode sorted = NODES.objectNode();
    for (String name : Model.order(model)) {
      JsonNode value = out.get(name);
      if (value != null) {
        sorted.set(name, value);
      }
    }
    for (Map.Entry<String, JsonNode> field : out.properties()) {
      if (!sorted.has(field.getKey())) {
        sorted.set(field.getKey(), field.getValue());
      }
    }
    return sorted;
  }

  private static void setIfAbsent(ObjectNode out, String name, @Nullable String value) {
    if (value != null && !out.has(name)) {
      out.put(name, value);
    }
  }

  /** How many entries a v1 list has that are worth mapping (a single object counts as one). */
  static int entries(JsonNode value) {
    if (!value.isArray()) {
      return 1;
    }
    int entries = 0;
    for (JsonNode item : value) {
      entries += isEmpty(item) ? 0 : 1;
    }
    return entries;
  }

  /** Whether {@link #list} can map the value: a list, or a single object read as a list of one. */
  private static boolean isList(JsonNode value) {
    return value.isArray() || value.isObject();
  }

  /** Null, missing, blank text, or an empty list or object: nothing worth keeping. */
  static boolean isEmpty(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode()
        || value.isTextual() && value.asText().isBlank()
        || value.isContainerNode() && value.isEmpty();
  }

  /** An identifier as text, for filling in the ids implied by nesting; null when there is none. */
  static @Nullable String idText(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isTextual() && !id.asText().isBlank()) {
      return id.asText();
    }
    return id.isIntegralNumber() ? id.asText() : null;
  }

  /** One reference token of a JSON Pointer (RFC 6901). */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
