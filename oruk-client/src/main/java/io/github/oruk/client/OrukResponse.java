package io.github.oruk.client;

import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a feed answered to one request, read into the ORUK 3.0 model.
 *
 * @param value the record, the {@code Page}, or the {@code ApiDetails}
 * @param uri the address that answered (after any redirects)
 * @param findings what the lenient reader repaired or kept aside, each with a JSON Pointer; for a legacy v1
 *     document, the mapping's findings come first
 * @param legacyV1 whether the feed answered in the legacy ORUK v1 form (a v1 service or page, or a {@code /}
 *     that declares a 1.x version)
 * @param attempts how many times the request was sent, retries included
 * @param <T> the type of the value
 */
public record OrukResponse<T>(T value, URI uri, List<ReadFinding> findings, boolean legacyV1, int attempts) {

  public OrukResponse {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(uri, "uri");
    findings = List.copyOf(findings);
  }

  /** The findings with the given code. */
  public List<ReadFinding> findings(ReadCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }
}
