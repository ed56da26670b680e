package io.github.oruk.model.v1;

import static io.github.oruk.model.json.ReadCode.LEGACY_V1_DOCUMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads legacy ORUK v1 services and pages into the ORUK 3.0 model.
 *
 * <p>Many live feeds still serve v1: a Spring-style page ({@code content}, {@code totalElements},
 * {@code number}, ...) of services with {@code regular_schedules}, {@code service_taxonomys},
 * {@code physical_addresses} and the like. This class recognises such documents and maps them to ORUK 3.0
 * JSON trees, which the ordinary {@link OrukJson} reader then reads. Nothing is dropped silently: every v1
 * property is either mapped to its 3.0 equivalent or kept, under its own name, as an extension on the 3.0
 * object it belongs to, and each is reported. {@code oruk-model/V1-MAPPING.md} lists the mapping in full.
 *
 * <pre>{@code
 * JsonNode tree = OrukJson.lenient().readTree(bytes, findings);
 * if (V1Mapper.isV1Page(tree)) {
 *   ReadResult<Page<Service>> page = V1Mapper.readPage(tree, PageBase.DETECT, OrukJson.lenient());
 * }
 * }</pre>
 *
 * <p>Findings come in two groups. The mapping's findings ({@code ORUK-V1-*}) come first and point into the
 * <em>v1</em> document; the reader's findings come after and point into the <em>mapped 3.0</em> document,
 * which {@link #mapService(JsonNode)} and {@link #mapPage(JsonNode, PageBase)} return for inspection.
 *
 * <p>All methods are static, thread-safe and leave their input unchanged.
 */
public final class V1Mapper {

  /** Service properties that only ORUK v1 uses. */
  private static final List<String> V1_SERVICE_PROPERTIES = List.of(
      "regular_schedules", "holiday_schedules", "service_taxonomys", "eligibilitys", "fundings",
      "deliverable_type", "attending_type", "attending_access", "reviews");
  private static final List<String> V1_SERVICE_AT_LOCATION_PROPERTIES = List.of(
      "regular_schedules", "holiday_schedules");
  private static final List<String> V1_LOCATION_PROPERTIES = List.of(
      "physical_addresses", "postal_addresses", "accessibility_for_disabilities");

  private V1Mapper() {
  }

  // ------------------------------------------------------------------------------------------- detection

  /**
   * Whether a document is a v1 page: a Spring-style envelope with a {@code content} list, a
   * {@code totalElements}, or a {@code number} beside other Spring paging properties, and without any
   * ORUK 3.0 envelope property ({@code contents}, {@code total_items}, {@code page_number}).
   */
  public static boolean isV1Page(JsonNode document) {
    if (document == null || !document.isObject()
        || document.has("contents") || document.has("total_items") || document.has("page_number")) {
      return false;
    }
    if (document.path("content").isArray() || document.has("totalElements")) {
      return true;
    }
    return document.path("number").isNumber()
        && (document.has("totalPages") || document.has("first") || document.has("last")
            || document.has("numberOfElements") || document.has("pageable"));
  }

  /**
   * Whether a document is a v1 service: an object, not a page, with at least one property that only
   * ORUK v1 uses ({@code regular_schedules}, {@code service_taxonomys}, {@code eligibilitys},
   * {@code fundings}, {@code holiday_schedules}, {@code deliverable_type}, {@code attending_type},
   * {@code attending_access}, {@code reviews}, {@code organization.url}, {@code languages[].language},
   * schedules on a service at location, or {@code physical_addresses} / {@code accessibility_for_disabilities}
   * on its location). A sparse v1 service with none of these looks like a 3.0 service and is not
   * recognised; {@link #mapService(JsonNode)} maps it all the same.
   */
  public static boolean isV1Service(JsonNode document) {
    return document != null && document.isObject() && !isV1Page(document) && !v1Markers(document).isEmpty();
  }

  /** The v1-only properties found in a service, as readable paths. */
  static List<String> v1Markers(JsonNode service) {
    List<String> markers = new ArrayList<>();
    for (String name : V1_SERVICE_PROPERTIES) {
      if (service.has(name)) {
        markers.add(name);
      }
    }
    JsonNode organization = service.get("organization");
    if (organization != null && organization.isObject() && organization.has("url")) {
      markers.add("organization.url");
    }
    for (JsonNode language : service.path("languages")) {
      if (language.isObject() && language.has("language")) {
        markers.add("languages[].language");
        break;
      }
    }
    for (JsonNode serviceAtLocation : service.path("service_at_locations")) {
      if (!serviceAtLocation.isObject()) {
        continue;
      }
      for (String name : V1_SERVICE_AT_LOCATION_PROPERTIES) {
        addOnce(markers, serviceAtLocation.has(name), "service_at_locations[]." + name);
      }
      JsonNode location = serviceAtLocation.path("location");
      for (String name : V1_LOCATION_PROPERTIES) {
        addOnce(markers, location.isObject() && location.has(name), "service_at_locations[].location." + name);
      }
    }
    return markers;
  }

  private static void addOnce(List<String> markers, boolean present, String marker) {
    if (present && !markers.contains(marker)) {
      markers.add(marker);
    }
  }

  // ------------------------------------------------------------------------------------------- mapping

  /**
   * Maps a v1 service to an ORUK 3.0 service tree.
   *
   * @param v1Service a v1 service object, such as one item of a v1 page's {@code content}
   * @return the 3.0 tree and the mapping's findings, which point into {@code v1Service}
   * @throws OrukReadException when {@code v1Service} is not a JSON object
   */
  public static V1Mapping mapService(JsonNode v1Service) {
    requireObject(v1Service, "a v1 service");
    FindingLog log = new FindingLog();
    List<String> markers = v1Markers(v1Service);
    log.add(LEGACY_V1_DOCUMENT, "legacy", "", "this is a legacy ORUK v1 service ("
        + (markers.isEmpty() ? "no v1-only property was seen; mapped as v1 as the caller asked"
            : "recognised by " + String.join(", ", markers.subList(0, Math.min(4, markers.size())))
                + (markers.size() > 4 ? ", ..." : ""))
        + "); mapped it to the ORUK 3.0 model. Mapping findings point into the v1 document.");
    ObjectNode document = new ServiceTranslator(log).service(v1Service, "");
    return new V1Mapping(document, log.findings());
  }

  /** Maps a v1 page, telling from the envelope whether {@code number} counts from 0 or 1. */
  public static V1Mapping mapPage(JsonNode v1Page) {
    return mapPage(v1Page, PageBase.DETECT);
  }

  /**
   * Maps a v1 page of services to an ORUK 3.0 page tree: {@code totalElements} to {@code total_items},
   * {@code totalPages} to {@code total_pages}, {@code number} to the 1-based {@code page_number},
   * {@code first}/{@code last} to {@code first_page}/{@code last_page}, and each item of {@code content}
   * as {@link #mapService(JsonNode)} maps it into {@code contents}. {@code size} becomes the number of
   * records on the page, as in 3.0; the v1 {@code size} (Spring's page size) is kept as the envelope
   * extension {@code per_page}. {@code first_page}, {@code last_page} and {@code empty} are worked out
   * when the v1 envelope leaves them out and the other values allow it.
   *
   * @param v1Page a v1 page object
   * @param base where {@code number} starts counting; {@link PageBase#DETECT} when unknown
   * @return the 3.0 tree and the mapping's findings, which point into {@code v1Page} (a service's
   *     findings at {@code /content/<i>/...}); one finding per kind for the whole page
   * @throws OrukReadException when {@code v1Page} is not a JSON object
   */
  public static V1Mapping mapPage(JsonNode v1Page, PageBase base) {
    Objects.requireNonNull(base, "base");
    requireObject(v1Page, "a v1 page");
    FindingLog log = new FindingLog();
    log.add(LEGACY_V1_DOCUMENT, "legacy", "", "this is a legacy ORUK v1 page (a Spring-style envelope with"
        + " content, totalElements and number); mapped it and its services to the ORUK 3.0 model. Mapping"
        + " findings point into the v1 document.");
    ObjectNode document = new PageTranslator(log).page(v1Page, base);
    return new V1Mapping(document, log.findings());
  }

  // ------------------------------------------------------------------------------------------- reading

  /**
   * Maps a v1 service and reads the result with {@code json}.
   *
   * @return the service, with the mapping's findings first (pointing into the v1 document) and the
   *     reader's after (pointing into the mapped 3.0 document)
   * @throws OrukReadException when {@code v1Service} is not a JSON object, or when a strict {@code json}
   *     refuses something in the mapped document
   */
  public static ReadResult<Service> readService(JsonNode v1Service, OrukJson json) {
    Objects.requireNonNull(json, "json");
    V1Mapping mapping = mapService(v1Service);
    ReadResult<Service> read = json.read(mapping.document(), Service.class);
    return new ReadResult<>(read.value(), concat(mapping.findings(), read.findings()));
  }

  /** Maps and reads a v1 page, telling the base of {@code number} from the envelope. */
  public static ReadResult<Page<Service>> readPage(JsonNode v1Page, OrukJson json) {
    return readPage(v1Page, PageBase.DETECT, json);
  }

  /**
   * Maps a v1 page of services and reads the result with {@code json}.
   *
   * @return the page, with the mapping's findings first (pointing into the v1 document) and the
   *     reader's after (pointing into the mapped 3.0 document)
   * @throws OrukReadException when {@code v1Page} is not a JSON object, or when a strict {@code json}
   *     refuses something in the mapped document
   */
  public static ReadResult<Page<Service>> readPage(JsonNode v1Page, PageBase base, OrukJson json) {
    Objects.requireNonNull(json, "json");
    V1Mapping mapping = mapPage(v1Page, base);
    ReadResult<Page<Service>> read = json.readPage(mapping.document(), Service.class);
    return new ReadResult<>(read.value(), concat(mapping.findings(), read.findings()));
  }

  private static List<ReadFinding> concat(List<ReadFinding> first, List<ReadFinding> second) {
    List<ReadFinding> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    return all;
  }

  private static void requireObject(JsonNode document, String what) {
    Objects.requireNonNull(document, "document");
    if (!document.isObject()) {
      throw new OrukReadException(null, "", "expected a JSON object for " + what + ", found "
          + describe(document) + "; nothing was mapped.", null);
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
