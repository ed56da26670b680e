package io.github.oruk.model.query;

import static io.github.oruk.model.query.Parameter.DAY;
import static io.github.oruk.model.query.Parameter.END_TIME;
import static io.github.oruk.model.query.Parameter.FORMAT;
import static io.github.oruk.model.query.Parameter.FULL;
import static io.github.oruk.model.query.Parameter.FULL_SERVICE;
import static io.github.oruk.model.query.Parameter.MAXIMUM_AGE;
import static io.github.oruk.model.query.Parameter.MINIMAL;
import static io.github.oruk.model.query.Parameter.MINIMUM_AGE;
import static io.github.oruk.model.query.Parameter.MODIFIED_AFTER;
import static io.github.oruk.model.query.Parameter.ORGANIZATION_ID;
import static io.github.oruk.model.query.Parameter.PAGE;
import static io.github.oruk.model.query.Parameter.PARENT_ID;
import static io.github.oruk.model.query.Parameter.PER_PAGE;
import static io.github.oruk.model.query.Parameter.POSTCODE;
import static io.github.oruk.model.query.Parameter.PROXIMITY;
import static io.github.oruk.model.query.Parameter.SEARCH;
import static io.github.oruk.model.query.Parameter.START_TIME;
import static io.github.oruk.model.query.Parameter.TAXONOMY_ID;
import static io.github.oruk.model.query.Parameter.TAXONOMY_TERM_ID;
import static io.github.oruk.model.query.Parameter.TOP_ONLY;

import io.github.oruk.model.RecordType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The eleven GET operations of ORUK 3.0: path, operationId, whether publishers must offer it, which
 * record it returns and which query parameters it takes. A test checks this against the spec document.
 */
public enum Endpoint {
  API_DETAILS("/", "getAPIMetaInformation", true, false, RecordType.API_DETAILS, Set.of()),
  SERVICES("/services", "getPaginatedListOfServices", true, true, RecordType.SERVICE,
      Set.of(SEARCH, PAGE, PER_PAGE, FORMAT, TAXONOMY_TERM_ID, TAXONOMY_ID, ORGANIZATION_ID, MODIFIED_AFTER,
          MINIMAL, FULL, MINIMUM_AGE, MAXIMUM_AGE, START_TIME, END_TIME, DAY)),
  SERVICE("/services/{id}", "getFullyNestedServiceById", true, false, RecordType.SERVICE, Set.of()),
  TAXONOMIES("/taxonomies", "getPaginatedListOfTaxonomies", false, true, RecordType.TAXONOMY,
      Set.of(SEARCH, PAGE, PER_PAGE, FORMAT)),
  TAXONOMY("/taxonomies/{id}", "getTaxonomyById", false, false, RecordType.TAXONOMY, Set.of()),
  TAXONOMY_TERMS("/taxonomy_terms", "getPaginatedListOfTaxonomyTerms", false, true, RecordType.TAXONOMY_TERM,
      Set.of(SEARCH, PAGE, PER_PAGE, FORMAT, TAXONOMY_ID, TOP_ONLY, PARENT_ID)),
  TAXONOMY_TERM("/taxonomy_terms/{id}", "getTaxonomyTermById", false, false, RecordType.TAXONOMY_TERM, Set.of()),
  ORGANIZATIONS("/organizations", "getPaginatedListOfOrganizations", false, true, RecordType.ORGANIZATION,
      Set.of(SEARCH, FULL_SERVICE, FULL, PAGE, PER_PAGE, FORMAT)),
  ORGANIZATION("/organizations/{id}", "getOrganizationById", false, false, RecordType.ORGANIZATION,
      Set.of(FULL_SERVICE)),
  SERVICE_AT_LOCATIONS("/service_at_locations", "getPaginatedListOfServiceAtLocation", false, true,
      RecordType.SERVICE_AT_LOCATION,
      Set.of(SEARCH, TAXONOMY_TERM_ID, TAXONOMY_ID, ORGANIZATION_ID, MODIFIED_AFTER, FULL, PAGE, PER_PAGE, FORMAT,
          POSTCODE, PROXIMITY, MINIMUM_AGE, MAXIMUM_AGE, START_TIME, END_TIME, DAY)),
  SERVICE_AT_LOCATION("/service_at_locations/{id}", "getServiceAtLocationWithNestedDataById", false, false,
      RecordType.SERVICE_AT_LOCATION, Set.of());

  private final String path;
  private final String operationId;
  private final boolean required;
  private final boolean list;
  private final RecordType recordType;
  private final Set<Parameter> parameters;

  Endpoint(String path, String operationId, boolean required, boolean list, RecordType recordType,
      Set<Parameter> parameters) {
    this.path = path;
    this.operationId = operationId;
    this.required = required;
    this.list = list;
    this.recordType = recordType;
    this.parameters = parameters.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(parameters));
  }

  /** The path template, such as {@code /services/{id}}. */
  public String path() {
    return path;
  }

  /** The operationId in the spec document (with the published swap of the taxonomy-term pair fixed). */
  public String operationId() {
    return operationId;
  }

  /** Whether every compliant publisher must offer it ({@code /}, {@code /services}, {@code /services/{id}}). */
  public boolean required() {
    return required;
  }

  /** Whether it returns a page of records rather than one document. */
  public boolean list() {
    return list;
  }

  /** The record it returns (for a list, the type of the page's items). */
  public RecordType recordType() {
    return recordType;
  }

  /** The query parameters it takes, in a stable order. */
  public Set<Parameter> parameters() {
    return parameters;
  }

  /** Whether its path ends with an {@code {id}}. */
  public boolean byId() {
    return path.endsWith("{id}");
  }

  /** The path with an identifier filled in (percent-encoded as one path segment). */
  public String path(@Nullable String id) {
    if (!byId()) {
      throw new IllegalArgumentException(path + " takes no identifier");
    }
    return path.replace("{id}", QueryText.encodePathSegment(id));
  }

  /** The by-id endpoint of a list ({@code /services} gives {@code /services/{id}}); any other endpoint is itself. */
  public Endpoint byIdEndpoint() {
    return switch (this) {
      case SERVICES -> SERVICE;
      case TAXONOMIES -> TAXONOMY;
      case TAXONOMY_TERMS -> TAXONOMY_TERM;
      case ORGANIZATIONS -> ORGANIZATION;
      case SERVICE_AT_LOCATIONS -> SERVICE_AT_LOCATION;
      default -> this;
    };
  }

  /** The list endpoint whose records this by-id endpoint returns, or this endpoint itself. */
  public Endpoint listEndpoint() {
    return switch (this) {
      case SERVICE -> SERVICES;
      case TAXONOMY -> TAXONOMIES;
      case TAXONOMY_TERM -> TAXONOMY_TERMS;
      case ORGANIZATION -> ORGANIZATIONS;
      case SERVICE_AT_LOCATION -> SERVICE_AT_LOCATIONS;
      default -> this;
    };
  }
}
