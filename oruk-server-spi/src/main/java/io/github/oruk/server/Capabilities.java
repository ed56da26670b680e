package io.github.oruk.server;

import io.github.oruk.model.query.Endpoint;
import io.github.oruk.model.query.Parameter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a provider offers: which optional endpoints, and which query parameters on each endpoint. The
 * SDK answers an endpoint the provider does not offer with 404 or 501 (both of which the official
 * validator accepts for optional endpoints), and a query that uses a parameter the provider does not
 * support with 400 naming the parameter, so a filter is never silently ignored.
 *
 * <p>{@code /}, {@code /services} and {@code /services/{id}} are always offered. {@code page},
 * {@code per_page}, {@code format} and {@code minimal} are always supported, because the SDK implements
 * them itself. A boolean parameter set to {@code false} asks for the default behaviour, so it is accepted
 * whether or not it is supported.
 *
 * <pre>{@code
 * Capabilities.builder()
 *     .services(Parameter.SEARCH, Parameter.ORGANIZATION_ID, Parameter.MODIFIED_AFTER)
 *     .organizations(Parameter.SEARCH)
 *     .build();
 * }</pre>
 *
 * @param endpoints every endpoint offered, each with the parameters it supports
 */
public record Capabilities(Map<Endpoint, Set<Parameter>> endpoints) {

  /** Parameters the SDK implements for every list endpoint. */
  static final Set<Parameter> BUILT_IN = Collections.unmodifiableSet(
      EnumSet.of(Parameter.PAGE, Parameter.PER_PAGE, Parameter.FORMAT, Parameter.MINIMAL));

  public Capabilities {
    Objects.requireNonNull(endpoints, "endpoints");
    Map<Endpoint, Set<Parameter>> copy = new EnumMap<>(Endpoint.class);
    for (Endpoint required : Endpoint.values()) {
      if (required.required()) {
        copy.put(required, EnumSet.noneOf(Parameter.class));
      }
    }
    endpoints.forEach((endpoint, parameters) -> {
      EnumSet<Parameter> set = EnumSet.noneOf(Parameter.class);
      set.addAll(parameters);
      for (Parameter parameter : set) {
        if (!endpoint.parameters().contains(parameter)) {
          throw new IllegalArgumentException(endpoint.path() + " does not take '" + parameter.wireName()
              + "'; it takes " + endpoint.parameters().stream().map(Parameter::wireName)
              .collect(Collectors.joining(", ")));
        }
      }
      copy.merge(endpoint, set, (a, b) -> {
        a.addAll(b);
        return a;
      });
    });
    copy.replaceAll((endpoint, parameters) -> {
      EnumSet<Parameter> all = EnumSet.noneOf(Parameter.class);
      all.addAll(parameters);
      for (Parameter builtIn : BUILT_IN) {
        if (endpoint.parameters().contains(builtIn)) {
          all.add(builtIn);
        }
      }
      return Collections.unmodifiableSet(all);
    });
    endpoints = Collections.unmodifiableMap(copy);
  }

  /** Only the three required endpoints, with no filters: the least a compliant publisher offers. */
  public static Capabilities requiredOnly() {
    return new Capabilities(Map.of());
  }

  /** Every endpoint with every parameter, as the reference in-memory directory offers. */
  public static Capabilities everything() {
    Map<Endpoint, Set<Parameter>> all = new EnumMap<>(Endpoint.class);
    for (Endpoint endpoint : Endpoint.values()) {
      all.put(endpoint, endpoint.parameters());
    }
    return new Capabilities(all);
  }

  /** A builder that starts from {@link #requiredOnly()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the provider offers this endpoint. */
  public boolean offers(Endpoint endpoint) {
    return endpoints.containsKey(endpoint);
  }

  /** Whether the provider supports this parameter on this endpoint (false when it does not offer it). */
  public boolean supports(Endpoint endpoint, Parameter parameter) {
    Set<Parameter> parameters = endpoints.get(endpoint);
    return parameters != null && parameters.contains(parameter);
  }

  /** The parameters supported on this endpoint; empty when it is not offered. */
  public Set<Parameter> parameters(Endpoint endpoint) {
    return endpoints.getOrDefault(endpoint, Set.of());
  }

  /** Declares endpoints and the parameters supported on them. */
  public static final class Builder {
    private final Map<Endpoint, Set<Parameter>> endpoints = new EnumMap<>(Endpoint.class);

    private Builder() {
    }

    /** Parameters supported on {@code /services} (the endpoint itself is always offered). */
    public Builder services(Parameter... parameters) {
      return add(Endpoint.SERVICES, Endpoint.SERVICE, parameters);
    }

    /** Offers {@code /service_at_locations} and {@code /service_at_locations/{id}}, with these parameters. */
    public Builder serviceAtLocations(Parameter... parameters) {
      return add(Endpoint.SERVICE_AT_LOCATIONS, Endpoint.SERVICE_AT_LOCATION, parameters);
    }

    /**
     * Offers {@code /organizations} and {@code /organizations/{id}}, with these parameters;
     * {@code full_service} applies to both.
     */
    public Builder organizations(Parameter... parameters) {
      return add(Endpoint.ORGANIZATIONS, Endpoint.ORGANIZATION, parameters);
    }

    /** Offers {@code /taxonomies} and {@code /taxonomies/{id}}, with these parameters. */
    public Builder taxonomies(Parameter... parameters) {
      return add(Endpoint.TAXONOMIES, Endpoint.TAXONOMY, parameters);
    }

    /** Offers {@code /taxonomy_terms} and {@code /taxonomy_terms/{id}}, with these parameters. */
    public Builder taxonomyTerms(Parameter... parameters) {
      return add(Endpoint.TAXONOMY_TERMS, Endpoint.TAXONOMY_TERM, parameters);
    }

    /** Offers one endpoint with these parameters, for providers that offer a list without its by-id pair. */
    public Builder endpoint(Endpoint endpoint, Parameter... parameters) {
      endpoints.computeIfAbsent(endpoint, e -> EnumSet.noneOf(Parameter.class)).addAll(Arrays.asList(parameters));
      return this;
    }

    private Builder add(Endpoint list, Endpoint byId, Parameter... parameters) {
      endpoint(list, parameters);
      Set<Parameter> forById = EnumSet.noneOf(Parameter.class);
      for (Parameter parameter : parameters) {
        if (byId.parameters().contains(parameter)) {
          forById.add(parameter);
        }
      }
      endpoint(byId, forById.toArray(Parameter[]::new));
      return this;
    }

    /**
     * @throws IllegalArgumentException when a parameter is declared for an endpoint that does not take it
     */
    public Capabilities build() {
      return new Capabilities(endpoints);
    }
  }
}
