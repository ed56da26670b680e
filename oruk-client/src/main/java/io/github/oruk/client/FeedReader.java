package io.github.oruk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.client.paging.FetchedPage;
import io.github.oruk.model.ApiDetails;
import io.github.oruk.model.Page;
import io.github.oruk.model.Service;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.model.json.OrukReadException;
import io.github.oruk.model.json.ReadCode;
import io.github.oruk.model.json.ReadFinding;
import io.github.oruk.model.json.ReadResult;
import io.github.oruk.model.v1.PageBase;
import io.github.oruk.model.v1.V1Mapper;
import io.github.oruk.model.v1.V1Mapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns answers into the model: one record, the API details, or a page, in ORUK 3.0 or legacy v1 form.
 * Everything that is not ORUK JSON becomes an {@link OrukProtocolException} naming the address.
 */
final class FeedReader {

  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

  private final OrukJson json;
  private final UnaryOperator<String> redact;

  /** @param redact removes secrets (extra header values) from messages, should a server echo them */
  FeedReader(OrukJson json, UnaryOperator<String> redact) {
    this.json = json;
    this.redact = redact;
  }

  <T> OrukResponse<T> record(Transport.Exchange exchange, Class<T> type, String what) {
    if (type == Service.class && !mayBeLegacy(exchange.body())) {
      OrukResponse<T> direct = direct(exchange, type, what);
      if (direct != null) {
        return direct;
      }
    }
    List<ReadFinding> findings = new ArrayList<>();
    JsonNode tree = tree(exchange, findings, what);
    if (!tree.isObject()) {
      throw protocol(exchange, "", "expected " + what + " as a JSON object, found " + kind(tree)
          + ". Check the base URL: the address may not be an ORUK API.", null);
    }
    try {
      boolean legacy;
      ReadResult<T> read;
      if (type == Service.class && V1Mapper.isV1Service(tree)) {
        @SuppressWarnings("unchecked")
        ReadResult<T> mapped = (ReadResult<T>) V1Mapper.readService(tree, json);
        read = mapped;
        legacy = true;
      } else {
        read = json.read(tree, type);
        legacy = type == ApiDetails.class && isLegacyVersion(((ApiDetails) read.value()).version());
      }
      findings.addAll(read.findings());
      return new OrukResponse<>(read.value(), exchange.uri(), findings, legacy, exchange.attempts());
    } catch (OrukReadException e) {
      throw protocol(exchange, e.pointer(), "the answer is JSON but cannot be read as " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The fast path for a service: read straight from the bytes, skipping the tree that v1 detection needs.
   * Null when the service turns out to need that detection after all (an organization with a v1 {@code url}).
   */
  private <T> @Nullable OrukResponse<T> direct(Transport.Exchange exchange, Class<T> type, String what) {
    checkBody(exchange, what);
    ReadResult<T> read;
    try {
      read = json.read(exchange.body(), type);
    } catch (OrukReadException e) {
      throw unreadable(exchange, e, what);
    }
    for (ReadFinding finding : read.findings()) {
      if (finding.code() == ReadCode.EXTENSION_PROPERTY && finding.pointer().equals("/organization/url")) {
        return null;
      }
    }
    return new OrukResponse<>(read.value(), exchange.uri(), read.findings(), false, exchange.attempts());
  }

  /**
   * Whether a service's bytes hold a property name only ORUK v1 uses (see {@code V1Mapper.isV1Service}),
   * other than {@code organization.url}, which the fast path checks from its findings. A false alarm only
   * costs the slower, exact check.
   */
  static boolean mayBeLegacy(byte[] body) {
    for (byte[] marker : V1_MARKERS) {
      if (indexOf(body, marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final List<byte[]> V1_MARKERS = java.util.stream.Stream.of("regular_schedules", "holiday_schedules",
      "service_taxonomys", "eligibilitys", "fundings", "deliverable_type", "attending_type", "attending_access",
      "reviews", "language", "physical_addresses", "postal_addresses", "accessibility_for_disabilities")
      .map(name -> ("\"" + name + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();

  private static int indexOf(byte[] haystack, byte[] needle) {
    byte first = needle[0];
    int last = haystack.length - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Reads a page. {@code base} is how a legacy v1 feed counts its pages, when known; for a v1 page the
   * returned page says which base was used.
   */
  <T> FetchedPage<T> page(Transport.Exchange exchange, Class<T> type, @Nullable Integer requested, PageBase base,
      String what) {
    List<ReadFinding> findings = new ArrayList<>();
    JsonNode tree = tree(exchange, findings, what);
    try {
      if (tree.isArray()) {
        ObjectNode wrapped = json.objectNode();
        wrapped.set("contents", tree);
        ReadResult<Page<T>> read = json.readPage(wrapped, type);
        findings.addAll(read.findings());
        return new FetchedPage<>(exchange.uri(), requested, read.value(), null, null, true, findings);
      }
      if (!tree.isObject()) {
        throw protocol(exchange, "", "expected " + what + " (a JSON object with 'contents'), found " + kind(tree)
            + ".", null);
      }
      if (V1Mapper.isV1Page(tree)) {
        return legacyPage(exchange, tree, type, requested, base, findings);
      }
      if (!tree.has("contents") && !tree.has("total_items") && !tree.has("page_number") && !tree.has("total_pages")) {
        throw protocol(exchange, "", "expected " + what + ": a page envelope with 'contents' (ORUK 3.0) or"
            + " 'content' (ORUK v1), found an object with " + names(tree) + ". Check the base URL: the address"
            + " may not be an ORUK API, or the feed may be reporting an error with status 200.", null);
      }
      if (tree.has("contents") && !tree.get("contents").isArray() && !tree.get("contents").isNull()) {
        throw protocol(exchange, "/contents", "expected 'contents' to be a list of records, found "
            + kind(tree.get("contents")) + ".", null);
      }
      ReadResult<Page<T>> read = json.readPage(tree, type);
      findings.addAll(read.findings());
      return new FetchedPage<>(exchange.uri(), requested, read.value(), read.value().pageNumber(), null, false,
          findings);
    } catch (OrukReadException e) {
      throw protocol(exchange, e.pointer(), "the answer is JSON but cannot be read as " + what + ": " + e.getMessage(), e);
    }
  }

  private <T> FetchedPage<T> legacyPage(Transport.Exchange exchange, JsonNode tree, Class<T> type, @Nullable Integer requested,
      PageBase known, List<ReadFinding> findings) {
    JsonNode number = tree.get("number");
    Integer rawNumber = number != null && number.canConvertToInt() && number.isIntegralNumber() ? number.asInt() : null;
    PageBase base = known;
    if (base == PageBase.DETECT && requested == null && rawNumber != null) {
      // Asked without a page number, every feed answers with its first page: its number tells the base.
      base = rawNumber == 0 ? PageBase.ZERO_BASED : rawNumber == 1 ? PageBase.ONE_BASED : PageBase.DETECT;
    }
    if (type == Service.class) {
      @SuppressWarnings("unchecked")
      ReadResult<Page<T>> read = (ReadResult<Page<T>>) (ReadResult<?>) V1Mapper.readPage(tree, base, json);
      findings.addAll(read.findings());
      return new FetchedPage<>(exchange.uri(), requested, read.value(), rawNumber, resolved(base, rawNumber),
          false, findings);
    }
    // The v1 mapping knows services only: map the envelope, keep the other records as they came.
    V1Mapping mapping = V1Mapper.mapPage(tree, base);
    ObjectNode document = mapping.document();
    JsonNode content = tree.get("content");
    document.set("contents", content != null && content.isArray() ? content.deepCopy() : document.arrayNode());
    for (ReadFinding finding : mapping.findings()) {
      if (!finding.pointer().startsWith("/content/")) {
        findings.add(finding);
      }
    }
    ReadResult<Page<T>> read = json.readPage(document, type);
    findings.addAll(read.findings());
    return new FetchedPage<>(exchange.uri(), requested, read.value(), rawNumber, resolved(base, rawNumber), false,
        findings);
  }

  private static PageBase resolved(PageBase base, @Nullable Integer rawNumber) {
    if (base != PageBase.DETECT) {
      return base;
    }
    return rawNumber != null && rawNumber == 0 ? PageBase.ZERO_BASED : PageBase.DETECT;
  }

  /** Whether an API details {@code version} names ORUK / HSDS-UK 1.x. */
  static boolean isLegacyVersion(@Nullable String version) {
    if (version == null) {
      return false;
    }
    Matcher first = FIRST_NUMBER.matcher(version);
    return first.find() && first.group(1).equals("1");
  }

  private JsonNode tree(Transport.Exchange exchange, List<ReadFinding> findings, String what) {
    checkBody(exchange, what);
    try {
      return json.readTree(exchange.body(), findings);
    } catch (OrukReadException e) {
      throw unreadable(exchange, e, what);
    }
  }

  private OrukProtocolException unreadable(Transport.Exchange exchange, OrukReadException e, String what) {
    String message = Objects.requireNonNullElse(e.getMessage(), "");
    String reason = message.endsWith(".") ? message : message + ".";
    return protocol(exchange, e.pointer(), "the answer (" + HttpStatus.describe(exchange.status()) + ") is not "
        + what + " as JSON: " + reason + " Retrying will not help; tell the feed's publisher.", e);
  }

  /** Refuses an empty body and an HTML (or XML) page, with messages that say which it is. */
  private void checkBody(Transport.Exchange exchange, String what) {
    byte[] body = exchange.body();
    int start = 0;
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++;
    }
    String contentType = exchange.headers().firstValue("content-type").orElse("");
    if (start == body.length) {
      throw protocol(exchange, "", "the answer (" + HttpStatus.describe(exchange.status())
          + (contentType.isEmpty() ? "" : ", Content-Type " + contentType) + ") has an empty body; expected " + what
          + " as JSON. Check the base URL; if it is right, the feed is failing.", null);
    }
    if (body[start] == '<') {
      String excerpt = Transport.excerpt(java.util.Arrays.copyOfRange(body, start, Math.min(body.length, start + 600)));
      throw protocol(exchange, "", "the answer (" + HttpStatus.describe(exchange.status())
          + (contentType.isEmpty() ? "" : ", Content-Type " + contentType) + ") is an HTML or XML page, not " + what
          + " as JSON: \"" + excerpt + "\". The feed may be down for maintenance, behind a login or cookie page,"
          + " or the base URL may point at a web page rather than the API; open the address in a browser to see.",
          null);
    }
  }

  private OrukProtocolException protocol(Transport.Exchange exchange, String pointer, String message,
      @Nullable Throwable cause) {
    return new OrukProtocolException(exchange.uri(), exchange.attempts(), pointer,
        redact.apply("GET " + FeedAddress.redact(exchange.requested()) + ": " + message), cause);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static String names(JsonNode tree) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = tree.fieldNames(); it.hasNext() && names.size() < 6; ) {
      names.add("'" + it.next() + "'");
    }
    return names.isEmpty() ? "no properties" : "the properties " + String.join(", ", names)
        + (tree.size() > names.size() ? ", ..." : "");
  }
}
