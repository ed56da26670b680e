package io.github.oruk.model.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The hand-written v1 documents under {@code src/test/resources/v1/}, and small helpers for reading them. */
final class V1Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A Porism-style service using nearly every v1 property. */
  static final String RICH = "service-porism-rich.json";
  /** A thin service with nulls, empty strings and missing lists. */
  static final String SPARSE = "service-sparse.json";
  /** A Spring Data page (number counts from 0) holding two services. */
  static final String SPRING_PAGE = "page-spring-0based.json";
  /** A LocalGov Drupal-style page (number counts from 1) holding two services. */
  static final String DRUPAL_PAGE = "page-drupal-1based.json";

  static final List<String> SERVICES = List.of(RICH, SPARSE);
  static final List<String> PAGES = List.of(SPRING_PAGE, DRUPAL_PAGE);

  private V1Fixtures() {
  }

  static ObjectNode load(String name) {
    try (InputStream in = V1Fixtures.class.getResourceAsStream("/v1/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource /v1/" + name + " is missing");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single finding with this code and pointer; fails when there is none or more than one. */
  static ReadFinding finding(List<ReadFinding> findings, ReadCode code, String pointer) {
    List<ReadFinding> matching = findings.stream()
        .filter(f -> f.code() == code && f.pointer().equals(pointer)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + code + " finding at '" + pointer + "', found " + matching.size()
          + " among:\n" + String.join("\n", findings.stream().map(ReadFinding::toLine).toList()));
    }
    return matching.get(0);
  }

  /** The findings whose message contains {@code text}. */
  static List<ReadFinding> mentioning(List<ReadFinding> findings, ReadCode code, String text) {
    return findings.stream().filter(f -> f.code() == code && f.message().contains(text)).toList();
  }

  static String lines(List<ReadFinding> findings) {
    return String.join("\n", findings.stream().map(ReadFinding::toLine).toList());
  }
}
