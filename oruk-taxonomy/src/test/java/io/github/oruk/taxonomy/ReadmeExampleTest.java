package io.github.oruk.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.oruk.model.Service;
import io.github.oruk.taxonomy.audit.CoverageAudit;
import io.github.oruk.taxonomy.audit.CoverageReport;
import io.github.oruk.taxonomy.filter.TermFilter;
import io.github.oruk.taxonomy.load.TaxonomyLoader;
import io.github.oruk.taxonomy.suggest.Suggestion;
import io.github.oruk.taxonomy.suggest.TypeSuggester;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The module README's example, run as written, so it stays true. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleWorks() throws Exception {
    Scheme lgsl = TaxonomyLoader.defaults().load(SharedFiles.require(SharedFiles.LGSL));
    TermNormalizer terms = TermNormalizer.builder().schemes(lgsl).build();
    assertEquals("http://id.esd.org.uk/service/833", terms.normalize("esdServiceTypes:833").orElseThrow());
    assertEquals("http://id.esd.org.uk/service/833", terms.normalize("833", "esdServiceTypes").orElseThrow());
    assertEquals(NormalizedTerm.Reason.UNKNOWN_PREFIX,
        ((NormalizedTerm.Unresolved) terms.normalize("bccservicetype:78")).reason());
    List<Suggestion> best = TypeSuggester.of(lgsl).suggest("Community Food Bank", "Emergency food parcels", 3);
    assertEquals("Food banks", best.get(0).concept().prefLabel());
    assertTrue(best.get(0).score() > 0.5 && best.get(0).score() < 1, "a strong match, from 0 to 1: " + best);
    Predicate<Service> food = TermFilter.builder().term("esdServiceType:1818").schemes(lgsl).build();
    List<Service> services = List.of(new Service().id("s").name("x").addAttributesItem(
        new io.github.oruk.model.Attribute().id("a").taxonomyTerm(new io.github.oruk.model.TaxonomyTerm()
            .id("t").name("Food banks").termUri("http://id.esd.org.uk/service/1818"))));
    assertEquals(1, services.stream().filter(food).count());
    CoverageReport report = CoverageAudit.run(services.stream(), SchemeSet.of(lgsl));
    assertEquals(1, report.recognised());
    assertFalse(lgsl.stats().levels().isEmpty());
  }
}
