package io.github.oruk.model.json;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value read from JSON together with everything the reader noticed while reading it.
 *
 * @param value the value; never null
 * @param findings what was repaired, kept aside or worth knowing, in document order
 * @param <T> the type read
 */
public record ReadResult<T>(T value, List<ReadFinding> findings) {

  public ReadResult {
    Objects.requireNonNull(value, "value");
    findings = List.copyOf(findings);
  }

  /** Whether the reader noticed anything at all. */
  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** The findings with the given code. */
  public List<ReadFinding> findings(ReadCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }

  /** The same findings with a different value, such as the result of a mapping. */
  public <R> ReadResult<R> map(Function<? super T, ? extends R> mapper) {
    return new ReadResult<>(mapper.apply(value), findings);
  }
}
