package io.github.oruk.hub.register;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The feeds a hub aggregates: read from a register file ({@link #load(Path)}) or built in code
 * ({@link #builder()}).
 *
 * <pre>{@code
 * feeds:
 *   - name: north
 *     url: https://north.example.org/api
 *     publisher: North County Council
 *     licence: OGL-UK-3.0
 *     refresh: 6h
 *   - name: charities
 *     url: data/charities.ndjson        # relative to this file
 * webhooks:                             # optional: told when a feed gets worse, goes down or recovers
 *   - https://alerts.example.org/oruk
 * }</pre>
 *
 * <p>Every entry has a {@code name} (a slug, unique) and a {@code url}; {@code publisher}, {@code licence},
 * {@code contact}, {@code taxonomy} and {@code refresh} are optional. Any other key is refused, so that a
 * misspelt {@code refesh} is not silently ignored.
 *
 * @param feeds the feeds, in the register's order, names unique
 * @param webhooks the addresses the hub's webhook listener POSTs feed events to (http or https), in order
 */
public record Register(List<FeedEntry> feeds, List<URI> webhooks) {

  private static final Set<String> KEYS = Set.of("name", "url", "publisher", "licence", "contact", "taxonomy",
      "refresh");

  public Register {
    feeds = List.copyOf(feeds);
    webhooks = List.copyOf(webhooks);
    webhooks.forEach(Register::checkWebhook);
    Set<String> names = new HashSet<>();
    for (FeedEntry feed : feeds) {
      if (!names.add(feed.name())) {
        throw new RegisterException("two feeds are named '" + feed.name() + "': each feed needs a name of its own");
      }
    }
  }

  private static URI checkWebhook(URI webhook) {
    String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null) {
      throw new RegisterException("'" + webhook + "' is not a webhook address: expected an http or https URL"
          + " such as https://alerts.example.org/oruk");
    }
    return webhook;
  }

  /** A register of these feeds, without webhooks. */
  public Register(List<FeedEntry> feeds) {
    this(feeds, List.of());
  }

  /** A register built in code. */
  public static Builder builder() {
    return new Builder();
  }

  /** The feed with this name, or null. */
  public @Nullable FeedEntry feed(String name) {
    return feeds.stream().filter(feed -> feed.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Reads a register file: JSON when its name ends in {@code .json}, YAML otherwise. Relative file paths
   * in {@code url} are resolved against the file's folder.
   *
   * @throws RegisterException naming the file, the entry and the field when the register is wrong
   * @throws IOException when the file cannot be read
   */
  public static Register load(Path file) throws IOException {
    boolean json = file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? new ObjectMapper() : new YAMLMapper();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = mapper.readTree(in);
    } catch (JacksonException e) {
      throw new RegisterException(file + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return read(root, file.toString(), folder == null ? Path.of("").toAbsolutePath() : folder);
  }

  /** Reads a register from its parsed tree; {@code source} names it in errors, {@code folder} resolves paths. */
  static Register read(@Nullable JsonNode root, String source, Path folder) {
    if (root == null || !root.isObject() || !root.has("feeds")) {
      throw new RegisterException(source + ": expected a top-level 'feeds' list; found "
          + (root == null || root.isMissingNode() ? "an empty file" : describe(root)));
    }
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("feeds") && !key.equals("webhooks")) {
        throw new RegisterException(source + ": unknown top-level key '" + key + "'; a register has 'feeds' and"
            + " 'webhooks'");
      }
    }
    JsonNode list = root.get("feeds");
    if (!list.isArray()) {
      throw new RegisterException(source + ": 'feeds' must be a list of entries; found " + describe(list));
    }
    Builder builder = builder();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      FeedEntry entry = entry(list.get(i), source + ": feeds[" + i + "]", folder);
      if (!names.add(entry.name())) {
        throw new RegisterException(source + ": feeds[" + i + "] (" + entry.name() + "): name '" + entry.name()
            + "' is already used by an earlier entry; each feed needs a name of its own");
      }
      builder.feed(entry);
    }
    JsonNode webhooks = root.get("webhooks");
    if (webhooks != null && !webhooks.isNull()) {
      if (!webhooks.isArray()) {
        throw new RegisterException(source + ": 'webhooks' must be a list of http or https URLs; found "
            + describe(webhooks));
      }
      for (int i = 0; i < webhooks.size(); i++) {
        String where = source + ": webhooks[" + i + "]";
        JsonNode node = webhooks.get(i);
        if (!node.isTextual()) {
          throw new RegisterException(where + ": expected an http or https URL; found " + describe(node));
        }
        try {
          builder.webhook(URI.create(node.asText().strip()));
        } catch (IllegalArgumentException e) {
          throw new RegisterException(where + ": " + e.getMessage());
        }
      }
    }
    return builder.build();
  }

  private static FeedEntry entry(JsonNode node, String where, Path folder) {
    if (!node.isObject()) {
      throw new RegisterException(where + ": expected an entry with 'name' and 'url'; found " + describe(node));
    }
    String name = text(node, "name", where);
    String label = name == null ? where : where + " (" + name + ")";
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!KEYS.contains(key)) {
        throw new RegisterException(label + ": unknown field '" + key + "'; an entry has " + String.join(", ",
            List.of("name", "url", "publisher", "licence", "contact", "taxonomy", "refresh")));
      }
    }
    String url = text(node, "url", label);
    if (name == null) {
      throw new RegisterException(label + ": 'name' is missing: every feed needs a short slug such as 'north-county'");
    }
    if (url == null) {
      throw new RegisterException(label + ": 'url' is missing: give the feed's base URL, or the path of an NDJSON"
          + " file or tabular data package");
    }
    Duration refresh = FeedEntry.DEFAULT_REFRESH;
    String interval = text(node, "refresh", label);
    if (interval != null) {
      try {
        refresh = FeedEntry.parseInterval(interval);
      } catch (IllegalArgumentException e) {
        throw new RegisterException(label + ": refresh: " + e.getMessage());
      }
    }
    String location = FeedEntry.of("x", url).remote() ? url : folder.resolve(url).normalize().toString();
    try {
      return new FeedEntry(name, location, text(node, "publisher", label), text(node, "licence", label),
          text(node, "contact", label), text(node, "taxonomy", label), refresh);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new RegisterException(label + ": " + (message.startsWith("name") ? "name" : "url") + ": " + message);
    }
  }

  private static @Nullable String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.isBoolean()) {
      throw new RegisterException(where + ": '" + field + "' must be text; found " + describe(value));
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String describe(JsonNode node) {
    String kind = node.isArray() ? "a list" : node.isObject() ? "a mapping" : node.isNull() ? "null"
        : "'" + node.asText() + "'";
    return kind;
  }

  /** Builds a register in code. */
  public static final class Builder {
    private final List<FeedEntry> feeds = new ArrayList<>();
    private final List<URI> webhooks = new ArrayList<>();

    private Builder() {
    }

    /** Adds a feed refreshed every 24 hours. */
    public Builder feed(String name, String url) {
      return feed(FeedEntry.of(name, url));
    }

    /** Adds a feed. */
    public Builder feed(FeedEntry feed) {
      feeds.add(Objects.requireNonNull(feed, "feed"));
      return this;
    }

    /**
     * Adds a webhook: the hub's {@code WebhookListener} POSTs each feed event to it.
     *
     * @throws RegisterException when it is not an http or https URL
     */
    public Builder webhook(URI webhook) {
      webhooks.add(checkWebhook(Objects.requireNonNull(webhook, "webhook")));
      return this;
    }

    /** The register. @throws RegisterException when two feeds share a name */
    public Register build() {
      return new Register(feeds, webhooks);
    }
  }
}
