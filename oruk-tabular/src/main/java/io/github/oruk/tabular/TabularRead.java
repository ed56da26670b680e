package io.github.oruk.tabular;

import io.github.oruk.model.Service;
import io.github.oruk.model.diagnostic.Severity;
import java.util.List;

/**
 * A package read into the model.
 *
 * @param services every row of {@code services.csv}, in the file's order, fully nested
 * @param unlinked the rows no service leads to, in table and file order
 * @param findings everything noticed, repaired or kept aside, in the order it was met
 */
public record TabularRead(List<Service> services, List<UnlinkedRow> unlinked, List<TabularFinding> findings) {

  public TabularRead {
    services = List.copyOf(services);
    unlinked = List.copyOf(unlinked);
    findings = List.copyOf(findings);
  }

  /** The findings of this severity. */
  public List<TabularFinding> findings(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }
}
