package io.github.oruk.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** JSON equality ignoring key order, comparing numbers by value (12 equals 12.0). */
final class JsonComparison {

  private JsonComparison() {
  }

  /** 0 when equal, otherwise the number of differences. */
  static int compare(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, out);
    return out.size();
  }

  static String differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, out);
    return String.join("\n", out);
  }

  private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        out.add(at + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(at + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        diff(at + "/" + name, expected.get(name), actual.get(name), out);
      }
      return;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(at + ": expected " + expected.size() + " items but was " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        diff(at + "/" + i, expected.get(i), actual.get(i), out);
      }
      return;
    }
    if (!expected.equals(actual)) {
      out.add(at + ": expected " + expected + " but was " + actual);
    }
  }
}
