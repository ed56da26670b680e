package io.github.oruk.model.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import java.util.List;
import java.util.Objects;

/**
 * A v1 document mapped to an ORUK 3.0 JSON tree, with what the mapping did.
 *
 * @param document the ORUK 3.0 tree: a service, or a page envelope with {@code contents}; a fresh tree the
 *     caller owns (the v1 input is never changed)
 * @param findings one {@link ReadCode#LEGACY_V1_DOCUMENT} finding at {@code ""}, then what was moved,
 *     renamed, kept as an extension, left out or could not be filled, aggregated by kind; every pointer
 *     points into the <em>v1</em> document
 */
public record V1Mapping(ObjectNode document, List<ReadFinding> findings) {

  public V1Mapping {
    Objects.requireNonNull(document, "document");
    findings = List.copyOf(findings);
  }

  /** The findings with the given code. */
  public List<ReadFinding> findings(ReadCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }
}
