package io.github.oruk.testkit.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oruk.model.Page;
import io.github.oruk.model.json.PageEnvelope;
import io.github.oruk.model.query.InvalidQueryException;
import io.github.oruk.model.query.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The misbehaviour a {@link FakeFeed.Builder} asks for, around an {@link HonestFeed}: each fault changes the
 * request on its way in or the answer on its way out, and the honest feed stays the protocol's.
 */
final class FaultyFeed implements Responder {

  private static final ObjectMapper TREES = new ObjectMapper();

  private final HonestFeed honest;
  private final FakeFeed.Builder config;
  private final Set<String> notFoundIds;
  private final Set<String> brokenIds;
  private final Set<String> mixedUpIds;
  private final Map<String, AtomicInteger> failuresByAddress = new ConcurrentHashMap<>();
  private final AtomicLong listPagesServed = new AtomicLong();

  FaultyFeed(HonestFeed honest, FakeFeed.Builder config, List<String> ids) {
    this.honest = honest;
    this.config = config;
    this.notFoundIds = pick(ids, config.notFound, "notFound");
    Set<String> broken = new LinkedHashSet<>();
    for (String id : ids) {
      if (config.brokenRate > 0 && !notFoundIds.contains(id)
          && new SplittableRandom(config.seed * 31 + id.hashCode()).nextDouble() < config.brokenRate) {
        broken.add(id);
      }
    }
    this.brokenIds = Collections.unmodifiableSet(broken);
    this.mixedUpIds = pick(ids, config.anotherId, "detailsWithAnotherId");
  }

  private static Set<String> pick(List<String> ids, Iterable<Integer> indexes, String option) {
    Set<String> picked = new LinkedHashSet<>();
    for (int k : indexes) {
      if (k < 0 || k >= ids.size()) {
        throw new IllegalArgumentException(option + " index " + k + " is not a service (0 to " + (ids.size() - 1) + ")");
      }
      picked.add(ids.get(k));
    }
    return Collections.unmodifiableSet(picked);
  }

  Set<String> notFoundIds() {
    return notFoundIds;
  }

  Set<String> brokenIds() {
    return brokenIds;
  }

  Set<String> mixedUpIds() {
    return mixedUpIds;
  }

  @Override
  public Answer answer(String path, String rawQuery) throws InterruptedException {
    if (!config.latency.isZero()) {
      Thread.sleep(config.latency.toMillis(), config.latency.toNanosPart() % 1_000_000);
    }
    Answer failure = failTransiently(path + "?" + (rawQuery == null ? "" : rawQuery));
    if (failure != null) {
      return failure;
    }
    if (path.isEmpty() && legacy()) {
      return Answer.json(200, honest.apiDetails("HSDS-UK-1.0"));
    }
    if (path.equals("services")) {
      return list(rawQuery);
    }
    Integer k = honest.index(path);
    if (k != null) {
      String id = path.substring("services/".length());
      if (notFoundIds.contains(id)) {
        return Answer.error(404, "no service with id " + id);
      }
      if (brokenIds.contains(id)) {
        return Answer.html(500, "<html><body><h1>Internal Server Error</h1></body></html>");
      }
      if (mixedUpIds.contains(id)) {
        return Answer.json(200, honest.detail((k + 1) % honest.size()));
      }
    }
    return honest.answer(path, rawQuery);
  }

  private boolean legacy() {
    return config.envelope == FakeFeed.Envelope.V1_ZERO_BASED || config.envelope == FakeFeed.Envelope.V1_ONE_BASED;
  }

  /** The first {@code failuresPerAddress} requests of a share of addresses, chosen from the seed, fail. */
  private @Nullable Answer failTransiently(String address) {
    if (config.failureRate <= 0 || config.faults.isEmpty()) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(config.seed * 0x9E3779B97F4A7C15L + address.hashCode());
    if (random.nextDouble() >= config.failureRate) {
      return null;
    }
    int failures = failuresByAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (failures > config.failuresPerAddress) {
      return null;
    }
    List<FakeFeed.Fault> faults = List.copyOf(config.faults);
    return switch (faults.get(random.nextInt(faults.size()))) {
      case SERVICE_UNAVAILABLE -> withRetryAfter(Answer.error(503, "temporarily unavailable"));
      case TOO_MANY_REQUESTS -> withRetryAfter(Answer.error(429, "slow down"));
      case BAD_GATEWAY -> Answer.html(502, "<html><body>502 Bad Gateway</body></html>");
      case CUT_CONNECTION -> Answer.cutConnection();
    };
  }

  private Answer withRetryAfter(Answer answer) {
    return config.retryAfter == null ? answer
        : answer.withHeader("Retry-After", Long.toString((config.retryAfter.toMillis() + 999) / 1000));
  }

  @SuppressWarnings("NullAway") // the honest feed's pages come from Page.of, which fills every envelope value
  private Answer list(String rawQuery) {
    int firstNumber = config.envelope == FakeFeed.Envelope.V1_ZERO_BASED ? 0 : 1;
    boolean bare = config.envelope == FakeFeed.Envelope.BARE_ARRAY;
    Query query;
    try {
      // A feed that does not page ignores page and per_page, whatever they hold.
      query = HonestFeed.query(bare ? withoutPaging(rawQuery) : firstNumber == 0 ? countFromOne(rawQuery) : rawQuery);
    } catch (InvalidQueryException e) {
      return Answer.error(400, e.getMessage());
    }
    if (bare) {
      return Answer.json(200, array(honest.selected(query)));
    }
    query = query.withPerPage(Math.min(honest.perPage(query), config.maxPerPage));
    if (config.stallAfterPage > 0 && query.page() != null && query.page() > config.stallAfterPage) {
      query = query.withPage(config.stallAfterPage);
    }
    Page<byte[]> page = honest.page(query);
    if (config.overlap > 0 && page.pageNumber() > 1) {
      List<byte[]> before = honest.page(query.withPage(page.pageNumber() - 1)).contents();
      List<byte[]> records = new ArrayList<>(before.subList(Math.max(0, before.size() - config.overlap), before.size()));
      records.addAll(page.contents());
      page = new Page<>(page.totalItems(), page.totalPages(), page.pageNumber(), null, page.firstPage(),
          page.lastPage(), null, records, Map.of());
    }
    int announced = (int) (page.totalItems() + config.totalDrift * listPagesServed.getAndIncrement());
    page = new Page<>(announced, page.totalPages(), page.pageNumber(), null, page.firstPage(), page.lastPage(), null,
        page.contents(), Map.of());
    if (legacy()) {
      return Answer.json(200, bytes(omit(legacyEnvelope(page, query, firstNumber))));
    }
    byte[] body = PageEnvelope.write(page);
    return Answer.json(200, config.omit.isEmpty() ? body : bytes(omit(tree(body))));
  }

  /** The query without {@code page} and {@code per_page}, which a feed that does not page ignores. */
  private static @Nullable String withoutPaging(String rawQuery) {
    return rawQuery == null ? null : Arrays.stream(rawQuery.split("&", -1))
        .filter(pair -> !pair.startsWith("page=") && !pair.startsWith("per_page="))
        .collect(Collectors.joining("&"));
  }

  /** A legacy zero-based {@code page} as the one-based number the honest feed takes. */
  private static @Nullable String countFromOne(String rawQuery) {
    return rawQuery == null ? null : Arrays.stream(rawQuery.split("&", -1)).map(pair -> {
      try {
        return pair.startsWith("page=") ? "page=" + (Long.parseLong(pair.substring(5).strip()) + 1) : pair;
      } catch (NumberFormatException e) {
        return pair; // for the query parser to refuse
      }
    }).collect(Collectors.joining("&"));
  }

  /** The legacy ORUK v1 (Spring Data) envelope of a page. */
  @SuppressWarnings("NullAway") // the honest feed's pages come from Page.of, which fills every envelope value
  private ObjectNode legacyEnvelope(Page<byte[]> page, Query query, int firstNumber) {
    ObjectNode envelope = TREES.createObjectNode();
    ArrayNode content = envelope.putArray("content");
    page.contents().forEach(record -> content.add(tree(record)));
    envelope.put("totalElements", page.totalItems());
    envelope.put("totalPages", page.totalPages());
    envelope.put("number", page.pageNumber() - 1 + firstNumber);
    envelope.put("size", query.perPage());
    envelope.put("numberOfElements", page.contents().size());
    envelope.put("first", page.firstPage());
    envelope.put("last", page.lastPage());
    return envelope;
  }

  private ObjectNode omit(JsonNode envelope) {
    ObjectNode object = (ObjectNode) envelope;
    config.omit.forEach(object::remove);
    return object;
  }

  /** A bare JSON array of the records. */
  private static byte[] array(List<byte[]> records) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(records.get(i));
    }
    out.write(']');
    return out.toByteArray();
  }

  private static JsonNode tree(byte[] json) {
    try {
      return TREES.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode tree) {
    return Answer.bytes(tree);
  }
}
