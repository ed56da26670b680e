package io.github.oruk.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record ORUK 3.0 defines, with the standard's name for each and the model class that
 * holds it. {@link #API_DETAILS} is the document {@code /} answers with.
 */
public enum RecordType {
  SERVICE(Service.class),
  ORGANIZATION(Organization.class),
  ORGANIZATION_IDENTIFIER(OrganizationIdentifier.class),
  SERVICE_AT_LOCATION(ServiceAtLocation.class),
  LOCATION(Location.class),
  ADDRESS(Address.class),
  ACCESSIBILITY(Accessibility.class),
  SCHEDULE(Schedule.class),
  SERVICE_AREA(ServiceArea.class),
  LANGUAGE(Language.class),
  FUNDING(Funding.class),
  COST_OPTION(CostOption.class),
  CONTACT(Contact.class),
  PHONE(Phone.class),
  ATTRIBUTE(Attribute.class),
  TAXONOMY(Taxonomy.class),
  TAXONOMY_TERM(TaxonomyTerm.class),
  API_DETAILS(ApiDetails.class);

  private final Class<?> modelClass;
  /** Kept, as rules ask for it for every record they look at. */
  private final String standardName;

  RecordType(Class<?> modelClass) {
    this.modelClass = modelClass;
    this.standardName = name().toLowerCase(Locale.ROOT);
  }

  /** The standard's name, such as {@code service_at_location}. */
  public String standardName() {
    return standardName;
  }

  /** The model class that holds this kind of record. */
  public Class<?> modelClass() {
    return modelClass;
  }

  /** The type with the given standard name ({@code taxonomy_term}) or constant name, if any. */
  public static Optional<RecordType> fromName(String name) {
    String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (RecordType type : values()) {
      if (type.name().equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return standardName();
  }
}
