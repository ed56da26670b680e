package io.github.oruk.model.v1;

import static io.github.oruk.model.json.ReadCode.V1_EMPTY_VALUE_OMITTED;
import static io.github.oruk.model.json.ReadCode.V1_PAGE_NUMBER_ASSUMED;
import static io.github.oruk.model.json.ReadCode.V1_PROPERTY_KEPT;
import static io.github.oruk.model.json.ReadCode.V1_PROPERTY_MAPPED;
import static io.github.oruk.model.v1.FindingLog.count;
import static io.github.oruk.model.v1.ServiceTranslator.NODES;
import static io.github.oruk.model.v1.ServiceTranslator.escape;
import static io.github.oruk.model.v1.ServiceTranslator.isEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Maps a v1 Spring-style page envelope, and each service in its {@code content}, to an ORUK 3.0 page. */
final class PageTranslator {

  /** The ORUK 3.0 envelope, in the standard's order. */
  private static final List<String> ENVELOPE = List.of(
      "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");

  /** A verdict on the base of {@code number}; {@code base} is null when the envelope does not settle it. */
  record Detection(@Nullable PageBase base, String reason) {
  }

  private final FindingLog log;
  private final ServiceTranslator services;

  PageTranslator(FindingLog log) {
    this.log = log;
    this.services = new ServiceTranslator(log);
  }

  ObjectNode page(JsonNode v1, PageBase base) {
    ObjectNode out = NODES.objectNode();
    JsonNode content = v1.get("content");
    if (content == null) {
      out.putArray("contents");
    }
    Integer count = content == null || content.isNull() ? Integer.valueOf(0)
        : content.isArray() || content.isObject() ? Integer.valueOf(ServiceTranslator.entries(content))
        : null;

    Integer totalPages = integer(v1.get("totalPages"));
    for (Map.Entry<String, JsonNode> field : v1.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      String pointer = "/" + escape(name);
      if (name.equals("content")) {
        ArrayNode contents = contents(value);
        out.set("contents", contents != null ? contents : value.deepCopy()); // a stray value: the reader keeps it aside
        continue;
      }
      if (isEmpty(value)) {
        omitted(pointer);
        continue;
      }
      switch (name) {
        case "totalElements" -> rename(out, value, pointer, name, "total_items");
        case "totalPages" -> rename(out, value, pointer, name, "total_pages");
        case "first" -> rename(out, value, pointer, name, "first_page");
        case "last" -> rename(out, value, pointer, name, "last_page");
        case "number" -> {
          Integer number = integer(value);
          if (number == null) {
            keep(out, name, name, value, pointer, "it is not a whole number, so no page_number could be worked out from it");
          } else {
            pageNumber(out, number, base, pointer, bool(v1.get("first")), bool(v1.get("last")), totalPages, count);
          }
        }
        case "size" -> keep(out, name, "per_page", value, pointer, "in a Spring page, size is the page size the"
            + " result was cut into, while ORUK 3.0 size counts the records on this page"
            + (count == null ? "" : " (" + count + ")"));
        case "numberOfElements" -> {
          Integer elements = integer(value);
          if (elements != null && elements.equals(count)) {
            log.add(V1_PROPERTY_MAPPED, "numberOfElements", pointer, "numberOfElements (" + elements + ") agrees with"
                + " the records in content; ORUK 3.0 size carries it.");
          } else {
            keep(out, name, name, value, pointer, "it says " + value + " but content holds "
                + (count == null ? "no list" : count(count, "record", "records"))
                + "; size counts the records actually on the page");
          }
        }
        default -> {
          if (ENVELOPE.contains(name) && !out.has(name)) {
            out.set(name, value.deepCopy());
          } else {
            keep(out, name, name, value, pointer, name.equals("sort") || name.equals("pageable")
                ? "Spring Data paging details have no ORUK 3.0 equivalent"
                : "it is not part of the v1 or the ORUK 3.0 page envelope");
          }
        }
      }
    }

    if (count != null) {
      out.put("size", count);
      if (!out.has("empty")) {
        out.put("empty", count == 0);
      }
    }
    JsonNode pageNumber = out.get("page_number");
    if (pageNumber != null && pageNumber.canConvertToLong()) {
      long page = pageNumber.asLong();
      if (!out.has("first_page")) {
        out.put("first_page", page == 1);
      }
      if (!out.has("last_page")) {
        Integer totalItems = integer(v1.get("totalElements"));
        Integer perPage = integer(v1.get("size"));
        if (totalPages != null) {
          out.put("last_page", page >= totalPages);
        } else if (totalItems != null && perPage != null && perPage > 0) {
          out.put("last_page", page * perPage >= totalItems);
        }
      }
    }
    return ordered(out);
  }

  private @Nullable ArrayNode contents(JsonNode content) {
    ArrayNode contents = NODES.arrayNode();
    if (content.isNull()) {
      omitted("/content");
      return contents;
    }
    if (content.isObject()) {
      log.add(V1_PROPERTY_MAPPED, "content", "/content", "expected a list for content, found a single service;"
          + " mapped it as a list of one, under contents.");
      contents.add(services.service(content, "/content"));
      return contents;
    }
    if (!content.isArray()) {
      return null;
    }
    log.add(V1_PROPERTY_MAPPED, "content", "/content", "content (" + count(content.size(), "service", "services")
        + ") renamed contents, each service mapped from v1 to ORUK 3.0.");
    for (int i = 0; i < content.size(); i++) {
      JsonNode item = content.get(i);
      String pointer = "/content/" + i;
      if (isEmpty(item)) {
        omitted(pointer);
      } else {
        contents.add(item.isObject() ? services.service(item, pointer) : item.deepCopy());
      }
    }
    return contents;
  }

  private void pageNumber(ObjectNode out, int number, PageBase base, String pointer, @Nullable Boolean first, @Nullable Boolean last,
      @Nullable Integer totalPages, @Nullable Integer count) {
    Detection detected = detect(number, first, last, totalPages, count);
    PageBase used;
    if (base != PageBase.DETECT) {
      used = base;
      if (detected.base() != null && detected.base() != base) {
        log.add(V1_PAGE_NUMBER_ASSUMED, "page base contradicted", pointer, "the caller said the feed counts pages "
            + from(base) + ", but this page looks " + from(detected.base()) + " (" + detected.reason()
            + "); followed the caller.");
      }
    } else if (detected.base() != null) {
      used = detected.base();
    } else {
      used = PageBase.ZERO_BASED;
      log.add(V1_PAGE_NUMBER_ASSUMED, "page base assumed", pointer, "could not tell whether number " + number
          + " counts pages from 0 (Spring Data, as in Porism feeds) or from 1 (LocalGov Drupal, Outpost): "
          + detected.reason() + ". Assumed from 0, so page_number is " + ((long) number + 1)
          + "; pass PageBase.ONE_BASED if this feed counts from 1.");
    }
    long pageNumber = used == PageBase.ZERO_BASED ? (long) number + 1 : number;
    if (pageNumber <= Integer.MAX_VALUE) {
      out.put("page_number", (int) pageNumber);
    } else {
      out.put("page_number", pageNumber);
    }
    String why = base != PageBase.DETECT ? "as the caller said" : detected.reason();
    log.add(V1_PROPERTY_MAPPED, "number", pointer, "number " + number + " counts pages " + from(used) + " (" + why
        + "); page_number is " + pageNumber + ", counting from 1 as ORUK 3.0 does.");
  }

  /**
   * Works out from the envelope alone whether {@code number} counts from 0 or from 1. A 0 can only be
   * 0-based; on the first page the number is the base; a last page's number is {@code totalPages - 1}
   * when 0-based; a page with records numbered {@code totalPages} must be 1-based (an empty one may be a
   * Spring page past the end, so it settles nothing).
   */
  static Detection detect(int number, @Nullable Boolean first, @Nullable Boolean last, @Nullable Integer totalPages, @Nullable Integer count) {
    if (number == 0) {
      return new Detection(PageBase.ZERO_BASED, "number is 0, which only a count from 0 uses");
    }
    if (Boolean.TRUE.equals(first) && number == 1) {
      return new Detection(PageBase.ONE_BASED, "first is true and number is 1");
    }
    if (Boolean.FALSE.equals(first) && number == 1) {
      return new Detection(PageBase.ZERO_BASED, "first is false and number is 1, so page 1 is the second page");
    }
    if (Boolean.TRUE.equals(last) && totalPages != null && totalPages > 0) {
      if (number == totalPages - 1) {
        return new Detection(PageBase.ZERO_BASED, "last is true and number is totalPages - 1");
      }
      if (number == totalPages && count != null && count > 0) {
        return new Detection(PageBase.ONE_BASED, "last is true and number equals totalPages on a page with records");
      }
    }
    if (totalPages != null && number == totalPages && count != null && count > 0) {
      return new Detection(PageBase.ONE_BASED, "number equals totalPages on a page with records, which a count"
          + " from 0 never reaches");
    }
    return new Detection(null, "neither first, last nor totalPages settles it");
  }

  private static String from(PageBase base) {
    return base == PageBase.ONE_BASED ? "from 1" : "from 0";
  }

  private void rename(ObjectNode out, JsonNode value, String pointer, String from, String to) {
    out.set(to, value.deepCopy());
    log.add(V1_PROPERTY_MAPPED, from, pointer, from + " renamed " + to + ", as ORUK 3.0 calls it.");
  }

  /** Keeps a v1 value as an envelope extension named {@code preferred}, or a variant when that is taken. */
  private void keep(ObjectNode out, String name, String preferred, JsonNode value, String pointer, String why) {
    String as = preferred;
    for (int i = 1; out.has(as) || ENVELOPE.contains(as); i++) {
      as = preferred + "_v1" + (i == 1 ? "" : "_" + i);
    }
    out.set(as, value.deepCopy());
    log.add(V1_PROPERTY_KEPT, "page " + name, pointer, name + " kept as the envelope extension " + as + ": " + why + ".");
  }

  private void omitted(String pointer) {
    log.add(V1_EMPTY_VALUE_OMITTED, "empty", pointer, 1, null, (n, notes) ->
        "left out " + count(n, "value that was", "values that were") + " null or empty: ORUK v1 allowed such"
            + " values, ORUK 3.0 asks for them to be left out. Nothing was lost.");
  }

  private static ObjectNode ordered(ObjectNode out) {
    ObjectNode sorted = NODES.objectNode();
    for (String name : ENVELOPE) {
      if (out.has(name)) {
        sorted.set(name, out.get(name));
      }
    }
    for (Map.Entry<String, JsonNode> field : out.properties()) {
      if (!sorted.has(field.getKey())) {
        sorted.set(field.getKey(), field.getValue());
      }
    }
    return sorted;
  }

  /** A whole number from a number or from digits; null for anything else or anything out of range. */
  static @Nullable Integer integer(JsonNode value) {
    if (value == null) {
      return null;
    }
    BigDecimal number = null;
    if (value.isNumber()) {
      number = value.decimalValue();
    } else if (value.isTextual()) {
      try {
        number = new BigDecimal(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A boolean from a boolean or from the text "true" / "false"; null for anything else. */
  static @Nullable Boolean bool(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()) {
      String text = value.asText().strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    }
    return null;
  }
}
