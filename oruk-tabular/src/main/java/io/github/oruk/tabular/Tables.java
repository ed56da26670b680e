package io.github.oruk.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of an HSDS 3.0 package and how their rows nest into ORUK's records: the facts of the standard's
 * descriptor (table names, file names, foreign keys) that decide the shape, written once.
 *
 * <p>Two kinds of link. A {@link ToOne} is a foreign key in the row that holds the nested object
 * ({@code services.organization_id} gives a service its {@code organization}); the row it names may be shared
 * by many parents. A {@link ToMany} is a foreign key in the child row ({@code schedules.service_id} puts a
 * schedule in its service's {@code schedules}); each child row is placed under one parent, the first of its
 * links, in the order listed here, whose key finds a row. {@code attributes.link_id} and
 * {@code metadata.resource_id} name a row of any table ({@link #ANY}).
 */
final class Tables {

  /** A parent of any table: the foreign key is looked up among the ids of every table. */
  static final String ANY = "*";

  /**
   * Tables whose rows an {@link #ANY} link cannot name: attributes and metadata would nest in themselves, and a
   * term's attribute would hold the term again.
   */
  static final Set<String> NOT_LINKABLE_BY_ANY = Set.of("attribute", "metadata", "taxonomy_term", "taxonomy");

  /** A table: its name (the descriptor's resource name), its usual file name and whether ORUK 3.0 has it. */
  record Table(String name, String file, boolean oruk) {
  }

  /** The row's {@code fk} names a row of {@code target}, nested as the object {@code property}. */
  record ToOne(String table, String property, String fk, String target) {
  }

  /** A row of {@code child} whose {@code fk} names a row of {@code parent} goes into its list {@code property}. */
  record ToMany(String child, String parent, String property, String fk) {
  }

  /** In the order the writer lists them in the descriptor: services and what they hang on first. */
  static final List<Table> ALL = List.of(
      new Table("service", "services.csv", true),
      new Table("organization", "organizations.csv", true),
      new Table("organization_identifier", "organization_identifiers.csv", true),
      new Table("service_at_location", "service_at_location.csv", true),
      new Table("location", "locations.csv", true),
      new Table("address", "addresses.csv", true),
      new Table("accessibility", "accessibility.csv", true),
      new Table("schedule", "schedules.csv", true),
      new Table("service_area", "service_areas.csv", true),
      new Table("language", "languages.csv", true),
      new Table("funding", "funding.csv", true),
      new Table("cost_option", "cost_options.csv", true),
      new Table("contact", "contacts.csv", true),
      new Table("phone", "phones.csv", true),
      new Table("attribute", "attributes.csv", true),
      new Table("taxonomy_term", "taxonomy_terms.csv", true),
      new Table("taxonomy", "taxonomies.csv", true),
      new Table("program", "programs.csv", false),
      new Table("required_document", "required_documents.csv", false),
      new Table("metadata", "metadata.csv", false),
      new Table("meta_table_description", "meta_table_descriptions.csv", false));

  static final List<ToOne> TO_ONE = List.of(
      new ToOne("service", "organization", "organization_id", "organization"),
      new ToOne("service_at_location", "location", "location_id", "location"),
      new ToOne("attribute", "taxonomy_term", "taxonomy_term_id", "taxonomy_term"),
      // International HSDS nests a term's taxonomy as taxonomy_detail; ORUK 3.0 dropped it, so it is an extension.
      new ToOne("taxonomy_term", "taxonomy_detail", "taxonomy_id", "taxonomy"));

  /** Per child table, its possible parents in order of preference. */
  static final List<ToMany> TO_MANY = List.of(
      new ToMany("service_at_location", "service", "service_at_locations", "service_id"),
      new ToMany("schedule", "service", "schedules", "service_id"),
      new ToMany("schedule", "service_at_location", "schedules", "service_at_location_id"),
      new ToMany("schedule", "location", "schedules", "location_id"),
      new ToMany("service_area", "service", "service_areas", "service_id"),
      new ToMany("language", "service", "languages", "service_id"),
      new ToMany("language", "phone", "languages", "phone_id"),
      new ToMany("language", "location", "languages", "location_id"),
      new ToMany("funding", "service", "funding", "service_id"),
      new ToMany("funding", "organization", "funding", "organization_id"),
      new ToMany("cost_option", "service", "cost_options", "service_id"),
      new ToMany("contact", "service", "contacts", "service_id"),
      new ToMany("contact", "service_at_location", "contacts", "service_at_location_id"),
      new ToMany("contact", "location", "contacts", "location_id"),
      new ToMany("contact", "organization", "contacts", "organization_id"),
      new ToMany("phone", "contact", "phones", "contact_id"),
      new ToMany("phone", "service_at_location", "phones", "service_at_location_id"),
      new ToMany("phone", "service", "phones", "service_id"),
      new ToMany("phone", "location", "phones", "location_id"),
      new ToMany("phone", "organization", "phones", "organization_id"),
      new ToMany("address", "location", "addresses", "location_id"),
      new ToMany("accessibility", "location", "accessibility", "location_id"),
      new ToMany("organization_identifier", "organization", "organization_identifiers", "organization_id"),
      new ToMany("attribute", ANY, "attributes", "link_id"),
      new ToMany("program", "organization", "programs", "organization_id"),
      new ToMany("required_document", "service", "required_documents", "service_id"),
      new ToMany("metadata", ANY, "metadata", "resource_id"));

  private static final Map<String, Table> BY_NAME = new LinkedHashMap<>();

  static {
    for (Table table : ALL) {
      BY_NAME.put(table.name(), table);
    }
  }

  private Tables() {
  }

  static Optional<Table> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The known table a file of this name holds ({@code services.csv}, {@code service.csv}, {@code Services.CSV}). */
  static Optional<Table> byFile(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".csv")) {
      return Optional.empty();
    }
    String stem = lower.substring(0, lower.length() - 4);
    for (Table table : ALL) {
      if (table.file().equals(lower) || table.name().equals(stem) || (table.name() + "s").equals(stem)
          || (table.name() + "es").equals(stem) || table.file().equals(stem.replaceAll("y$", "ies") + ".csv")) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  static List<ToOne> toOne(String table) {
    return TO_ONE.stream().filter(link -> link.table().equals(table)).toList();
  }

  /** A child table's links to its possible parents, in order of preference. */
  static List<ToMany> parentsOf(String child) {
    return TO_MANY.stream().filter(link -> link.child().equals(child)).toList();
  }

  /** The list a record of {@code parent} holds its {@code property} children in, if that is a link. */
  static Optional<ToMany> childList(String parent, String property) {
    for (ToMany link : TO_MANY) {
      if (link.property().equals(property) && (link.parent().equals(parent)
          || link.parent().equals(ANY) && !NOT_LINKABLE_BY_ANY.contains(parent))) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }

  /** The object a record of {@code table} holds as {@code property}, if that is a link. */
  static Optional<ToOne> childObject(String table, String property) {
    for (ToOne link : TO_ONE) {
      if (link.table().equals(table) && link.property().equals(property)) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }
}
