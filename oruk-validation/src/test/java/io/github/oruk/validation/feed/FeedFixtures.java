package io.github.oruk.validation.feed;

import io.github.oruk.model.Attribute;
import io.github.oruk.model.Service;
import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import io.github.oruk.server.memory.InMemoryDirectory;
import io.github.oruk.testkit.generate.DataGenerator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A reference directory for the live-feed tests: generated services, assured today, tagged from two
 * taxonomies (the generator's sample and a second one on every fifth service), so that every filter probe
 * finds both a record that matches and one that does not.
 */
final class FeedFixtures {

  static final String OTHER_TAXONOMY = uuid("second taxonomy");

  private FeedFixtures() {
  }

  static List<Service> services(long seed, int count) {
    List<Service> services = new ArrayList<>(DataGenerator.builder().seed(seed).build().services(count)
        .map(service -> service.assuredDate(LocalDate.now())).toList());
    for (int i = 0; i < services.size(); i += 5) {
      Service service = services.get(i);
      TaxonomyTerm term = new TaxonomyTerm().id(uuid("term " + i)).name("Local offer " + i)
          .description("A term of the council's own local-offer list.").taxonomyId(OTHER_TAXONOMY)
          .taxonomy("Local offer");
      service.setAttributes(new ArrayList<>(List.of(new Attribute().id(uuid("attribute " + i)).linkId(service.getId())
          .linkType("service").taxonomyTermId(term.getId()).taxonomyTerm(term))));
    }
    return services;
  }

  static InMemoryDirectory directory(long seed, List<Service> services) {
    return InMemoryDirectory.builder().addAll(services)
        .taxonomy(DataGenerator.builder().seed(seed).build().sampleTaxonomy())
        .taxonomy(new Taxonomy().id(OTHER_TAXONOMY).name("Local offer").description("The council's own list."))
        .build();
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
