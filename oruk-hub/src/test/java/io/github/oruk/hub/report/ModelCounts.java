package io.github.oruk.hub.report;

import io.github.oruk.model.Address;
import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceAtLocation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Services counted by the tests themselves, through the model's getters rather than the JSON the report reads:
 * per taxonomy term name, and per town (lower case), each service once per term or town.
 */
final class ModelCounts {

  final Map<String, Integer> types = new HashMap<>();
  final Map<String, Integer> towns = new HashMap<>();

  ModelCounts(List<Service> services) {
    for (Service service : services) {
      Set<String> own = new HashSet<>();
      for (Attribute attribute : service.getAttributes()) {
        if (attribute.getTaxonomyTerm() != null && attribute.getTaxonomyTerm().getName() != null) {
          own.add(attribute.getTaxonomyTerm().getName());
        }
      }
      own.forEach(type -> types.merge(type, 1, Integer::sum));
      Set<String> places = new HashSet<>();
      for (ServiceAtLocation at : service.getServiceAtLocations()) {
        for (Address address : at.getLocation() == null ? List.<Address>of() : at.getLocation().getAddresses()) {
          if (address.getCity() != null && !address.getCity().isBlank()) {
            places.add(address.getCity().strip().toLowerCase(Locale.ROOT));
          }
        }
      }
      places.forEach(town -> towns.merge(town, 1, Integer::sum));
    }
  }
}
