package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.oruk.model.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes ORUK 3.0 JSON: lenient in, strict out.
 *
 * <p>Reading never throws for a quirk it can deal with. It returns the value together with a list of
 * {@link ReadFinding}s, each with a stable code and a JSON Pointer: values it repaired (a date-time
 * without an offset, a number sent as text, ...) and values it kept aside as extensions because they did
 * not fit (an unknown {@code status}, a vendor property such as {@code pc_metadata}). In
 * {@link ReadMode#STRICT} the same quirks are refused with an {@link OrukReadException} instead.
 *
 * <p>Writing produces canonical JSON: UTF-8, properties in the standard's order, optional properties
 * without a value left out (never {@code null}, never {@code []}), every page envelope complete. Extensions
 * are written back only when {@link Builder#keepExtensions(boolean) asked}.
 *
 * <pre>{@code
 * ReadResult<Service> read = OrukJson.lenient().read(bytes, Service.class);
 * read.findings().forEach(f -> System.err.println(f.toLine()));
 * byte[] canonical = OrukJson.lenient().write(read.value());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 */
public final class OrukJson {

  /** Default limit on the size of one document: 64 MiB. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
  /** Default limit on nesting depth; ORUK documents need about 20 levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
  /** Default limit on the length of one text value, in characters (Jackson's own default): 20,000,000. */
  public static final int DEFAULT_MAX_STRING_LENGTH = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

  private static final OrukJson LENIENT = builder().build();
  private static final OrukJson STRICT = builder().mode(ReadMode.STRICT).build();

  private final ReadMode mode;
  private final boolean keepExtensions;
  private final boolean indent;
  private final long maxDocumentBytes;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final ObjectMapper mapper;
  private final ObjectWriter writer;
  private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();
  /** Each thread's buffer for {@link #write(Object)}. */
  private static final ThreadLocal<WriteBuffer> BUFFERS = ThreadLocal.withInitial(WriteBuffer::new);

  private OrukJson(Builder builder) {
    this.mode = builder.mode;
    this.keepExtensions = builder.keepExtensions;
    this.indent = builder.indent;
    this.maxDocumentBytes = builder.maxDocumentBytes;
    this.maxNestingDepth = builder.maxNestingDepth;
    this.maxStringLength = builder.maxStringLength;
    this.mapper = newMapper(maxDocumentBytes, maxNestingDepth, maxStringLength);
    ObjectWriter w = mapper.writer().withAttribute(CanonicalSerializers.KEEP_EXTENSIONS, keepExtensions);
    this.writer = indent ? w.withDefaultPrettyPrinter() : w;
  }

  /** Lenient reading, strict writing without extensions, default limits. */
  public static OrukJson lenient() {
    return LENIENT;
  }

  /** Strict reading, strict writing without extensions, default limits. */
  public static OrukJson strict() {
    return STRICT;
  }

  /** A builder starting from the defaults of {@link #lenient()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this instance's settings. */
  public Builder toBuilder() {
    return new Builder()
        .mode(mode)
        .keepExtensions(keepExtensions)
        .indent(indent)
        .maxDocumentBytes(maxDocumentBytes)
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength);
  }

  /** How this instance reads. */
  public ReadMode mode() {
    return mode;
  }

  /** Whether this instance writes extensions back. */
  public boolean keepsExtensions() {
    return keepExtensions;
  }

  /** The largest document read, in bytes. */
  public long maxDocumentBytes() {
    return maxDocumentBytes;
  }

  /** The deepest nesting read and written. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The longest text value read, in characters. */
  public int maxStringLength() {
    return maxStringLength;
  }

  // ------------------------------------------------------------------------------------------- reading

  /**
   * Reads one record (a {@code Service}, an {@code Organization}, ...) or {@code ApiDetails}.
   *
   * @throws OrukReadException when the document is not JSON, breaks a limit, is not an object, or (in
   *     strict mode) needs a repair
   */
  public <T> ReadResult<T> read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return read(json, mapper.constructType(type));
  }

  /** Reads one record from text. See {@link #read(byte[], Class)}. */
  public <T> ReadResult<T> read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /**
   * Reads one record from a stream, which is read to its end but not closed.
   *
   * @throws IOException when the stream fails
   */
  public <T> ReadResult<T> read(InputStream json, Class<T> type) throws IOException {
    return read(readAll(json), type);
  }

  /** Reads one record from a tree that was parsed already, such as the result of a v1 mapping. */
  public <T> ReadResult<T> read(JsonNode tree, Class<T> type) {
    return read(tree, mapper.constructType(type), new ReadContext(mode));
  }

  /** Reads a page of a list endpoint, whose {@code contents} are of {@code itemType}. */
  public <T> ReadResult<Page<T>> readPage(byte[] json, Class<T> itemType) {
    Objects.requireNonNull(json, "json");
    return read(json, pageType(itemType));
  }

  /** Reads a page from text. See {@link #readPage(byte[], Class)}. */
  public <T> ReadResult<Page<T>> readPage(String json, Class<T> itemType) {
    return readPage(json.getBytes(StandardCharsets.UTF_8), itemType);
  }

  /** Reads a page from a stream, which is read to its end but not closed. */
  public <T> ReadResult<Page<T>> readPage(InputStream json, Class<T> itemType) throws IOException {
    return readPage(readAll(json), itemType);
  }

  /** Reads a page from a tree that was parsed already. */
  public <T> ReadResult<Page<T>> readPage(JsonNode tree, Class<T> itemType) {
    return read(tree, pageType(itemType), new ReadContext(mode));
  }

  /**
   * Whether {@code node} is a text value that {@link #readTree} saw to have the 8-4-4-4-12 hexadecimal form of a
   * UUID (either letter case) while reading it, which saves a check of its characters. False means "not known":
   * a value of another tree, or one read another way, is to be checked as text.
   */
  public static boolean readAsUuid(JsonNode node) {
    return node instanceof RangeCheckedNodes.ReadText text && text.uuid();
  }

  /**
   * Whether {@code node} is a text value that {@link #readTree} saw to hold no {@code '<'} and no {@code '&'} while
   * reading it, so no HTML ({@link Markup#find} finds none). False means "not known".
   */
  public static boolean readWithoutMarkup(JsonNode node) {
    return node instanceof RangeCheckedNodes.ReadText;
  }

  /**
   * Parses bytes into a tree, with this instance's limits and byte-order-mark handling, for callers that
   * need to look at a document before deciding how to read it. Findings (a byte order mark, a property sent
   * twice) are added to {@code findings}.
   *
   * <p>An item of a page's {@code contents} that breaks the nesting or text-length limit is left out rather
   * than failing the page: it is reported ({@link ReadCode#RECORD_LEFT_OUT}, with its id when it has one) and
   * stands in the tree as {@code null}, so that the other items keep their positions;
   * {@link #readPage(JsonNode, Class)} skips it.
   */
  public JsonNode readTree(byte[] json, List<ReadFinding> findings) {
    Objects.requireNonNull(json, "json");
    return salvaging(json, true, (bytes, start, context, leftOut) -> {
      JsonNode tree = parseTree(bytes, start, context);
      for (PageSalvage.Item item : leftOut) {
        ((ArrayNode) tree.get("contents")).set(item.index(), PageSalvage.LeftOutNode.INSTANCE);
      }
      findings.addAll(context.findings());
      return tree;
    });
  }

  /** One way of reading bytes, given where the document starts, the read's context and the records left out. */
  @FunctionalInterface
  private interface Reading<R> {
    R read(byte[] json, int start, ReadContext context, List<PageSalvage.Item> leftOut) throws IOException;
  }

  /**
   * Reads with {@code reading}; when that breaks the nesting or text-length limit and {@code page} allows, reads
   * again without the records of the page's {@code contents} that break it (see {@link PageSalvage}).
   */
  @SuppressWarnings("NullAway") // leaveOut has checked that patch(json, leftOut) is not null
  private <R> R salvaging(byte[] json, boolean page, Reading<R> reading) {
    ReadContext context = new ReadContext(mode);
    int start = skipByteOrderMark(json, context);
    try {
      return reading.read(json, start, context, List.of());
    } catch (StreamConstraintsException limit) {
      if (!page) {
        throw unreadable(limit, json, start);
      }
      ReadContext again = new ReadContext(mode);
      skipByteOrderMark(json, again);
      List<PageSalvage.Item> leftOut = leaveOut(json, start, limit, again);
      try {
        return reading.read(PageSalvage.patch(json, leftOut), start, again, leftOut);
      } catch (IOException e) {
        throw unreadable(limit, json, start);
      }
    } catch (IOException e) {
      throw unreadable(e, json, start);
    }
  }

  private JsonNode parseTree(byte[] json, int start, ReadContext context) throws IOException {
    try (JsonParser parser = mapper.createParser(json, start, json.length - start)) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw new OrukReadException(null, "", "the document is empty; expected a JSON object.", null);
        }
        RangeCheckedNodes nodes = new RangeCheckedNodes(parser, context, true);
        JsonNode tree;
        try {
          tree = mapper.reader().with(nodes).withAttribute(ReadContext.KEY, context).readTree(parser);
        } finally {
          nodes.detach();
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
          throw new OrukReadException(null, "", "found more JSON after the end of the document at "
              + where(parser.currentTokenLocation()) + "; expected one JSON document.", null);
        }
        return tree;
      } catch (StreamConstraintsException limit) {
        throw located(limit, parser);
      }
    }
  }

  /**
   * The items of the page's {@code contents} that break the limit {@code limit} reports, each reported to
   * {@code context} as left out. When there are none (the breach lies elsewhere, or the document is not a page),
   * the limit's own error is thrown.
   */
  private List<PageSalvage.Item> leaveOut(byte[] json, int start, StreamConstraintsException limit,
      ReadContext context) {
    Limit kind = Limit.of(limit);
    List<PageSalvage.Item> items = kind == Limit.NESTING || kind == Limit.TEXT
        ? PageSalvage.find(json, start, maxNestingDepth, maxStringLength)
        : List.of();
    if (items.isEmpty() || PageSalvage.patch(json, items) == null) {
      throw unreadable(limit, json, start);
    }
    for (PageSalvage.Item item : items) {
      String pointer = "/contents/" + item.index();
      context.leaveOut(pointer);
      context.report(ReadCode.RECORD_LEFT_OUT, pointer, "the record at " + pointer
          + (item.id() == null ? " (no id at its top)" : " (id '" + ReadContext.quote(item.id()) + "')")
          + " could not be read: " + item.reason() + ". It was left out, and the rest of the page was read. "
          + (item.nesting() ? NESTING_ADVICE : TEXT_ADVICE), item.id());
    }
    return items;
  }

  private <T> ReadResult<T> read(byte[] json, JavaType type) {
    return salvaging(json, type.getRawClass() == Page.class,
        (bytes, start, context, leftOut) -> read(bytes, start, type, context));
  }

  private <T> ReadResult<T> read(byte[] json, int start, JavaType type, ReadContext context) throws IOException {
    try (JsonParser parser = mapper.createParser(json, start, json.length - start)) {
      try {
        JsonToken first = parser.nextToken();
        requireObject(first, parser, type);
        return new ReadResult<>(readValue(parser, type, context), context.findings());
      } catch (StreamConstraintsException limit) {
        throw located(limit, parser);
      }
    }
  }

  /** The limit's error with the place the parser had reached, which Jackson leaves out. */
  private static StreamConstraintsException located(StreamConstraintsException limit, JsonParser parser) {
    if (limit.getLocation() != null) {
      return limit;
    }
    return new StreamConstraintsException(limit.getOriginalMessage(), parser.currentLocation());
  }

  <T> ReadResult<T> read(JsonNode tree, JavaType type, ReadContext context) {
    Objects.requireNonNull(tree, "tree");
    if (!tree.isObject()) {
      throw new OrukReadException(null, "", "expected a JSON object for " + describe(type) + ", found "
          + ReadContext.describe(tree) + ".", null);
    }
    if (type.getRawClass() == Page.class && tree.get("contents") instanceof ArrayNode contents) {
      for (int i = 0; i < contents.size(); i++) {
        if (contents.get(i) == PageSalvage.LeftOutNode.INSTANCE) {
          context.leaveOut("/contents/" + i); // reported when the tree was read
        }
      }
    }
    try (JsonParser parser = mapper.treeAsTokens(tree)) {
      parser.nextToken();
      return new ReadResult<>(readValue(parser, type, context), context.findings());
    } catch (IOException e) {
      throw unreadable(e, null, 0);
    }
  }

  /** Reads the value the parser is on, with trees whose numbers are checked where they stand. */
  @SuppressWarnings("unchecked")
  private <T> T readValue(JsonParser parser, JavaType type, ReadContext context) throws IOException {
    RangeCheckedNodes nodes = new RangeCheckedNodes(parser, context, false);
    try {
      return (T) readerFor(type).with(nodes).withAttribute(ReadContext.KEY, context).readValue(parser);
    } finally {
      nodes.detach();
    }
  }

  /** One reader per type, made once: making one looks up its deserializer, a noticeable cost per read. */
  private ObjectReader readerFor(JavaType type) {
    return readers.computeIfAbsent(type, mapper::readerFor);
  }

  JavaType pageType(Class<?> itemType) {
    return mapper.getTypeFactory().constructParametricType(Page.class, itemType);
  }

  private int skipByteOrderMark(byte[] json, ReadContext context) {
    if (json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF) {
      context.report(ReadCode.BYTE_ORDER_MARK, "",
          "the document starts with a UTF-8 byte order mark, which JSON does not allow; skipped it.");
      return 3;
    }
    return 0;
  }

  private static void requireObject(JsonToken first, JsonParser parser, JavaType type) {
    if (first == JsonToken.START_OBJECT) {
      return;
    }
    if (first == null) {
      throw new OrukReadException(null, "", "the document is empty; expected a JSON object for "
          + describe(type) + ".", null);
    }
    throw new OrukReadException(null, "", "expected a JSON object for " + describe(type) + ", found "
        + tokenName(first) + " at " + where(parser.currentTokenLocation()) + ".", null);
  }

  private static String describe(JavaType type) {
    if (type.getRawClass() == Page.class) {
      JavaType item = type.containedTypeCount() > 0 ? type.containedType(0) : null;
      return "a page of " + (item == null ? "records" : OrukModule.recordName(item.getRawClass()) + " records");
    }
    return "a " + OrukModule.recordName(type.getRawClass());
  }

  private static String tokenName(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private OrukReadException unreadable(IOException e, byte @Nullable [] json, int start) {
    if (e instanceof StreamConstraintsException limit) {
      return new OrukReadException(null, "", Limit.of(limit).message(limit, this), e);
    }
    String lead = json == null ? "" : sniffNonJson(json, start);
    if (e instanceof JsonProcessingException processing) {
      return new OrukReadException(null, "", lead + "not valid JSON at " + where(processing.getLocation()) + ": "
          + withoutJacksonSettings(firstLine(processing.getOriginalMessage())), e);
    }
    return new OrukReadException(null, "", lead + "could not be read: " + e.getMessage(), e);
  }

  static final String NESTING_ADVICE = "If it is genuine, raise the limit with OrukJson.builder().maxNestingDepth(...).";
  static final String TEXT_ADVICE = "If it is genuine, raise the limit with OrukJson.builder().maxStringLength(...).";
  static final String SIZE_ADVICE = "If it is genuine, raise the limit with OrukJson.builder().maxDocumentBytes(...).";

  /**
   * Which of the parser's limits a document broke, and a message that says so in the codec's terms: the limit,
   * its value, where, and the builder method that changes it (Jackson's own message names its internals).
   */
  enum Limit {
    NESTING("getMaxNestingDepth"),
    TEXT("getMaxStringLength"),
    SIZE("getMaxDocumentLength"),
    NUMBER("getMaxNumberLength"),
    NAME("getMaxNameLength"),
    OTHER("");

    private static final Pattern FIGURES = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private final String getter;

    Limit(String getter) {
      this.getter = getter;
    }

    static Limit of(StreamConstraintsException limit) {
      String message = String.valueOf(limit.getOriginalMessage());
      for (Limit kind : values()) {
        if (kind != OTHER && message.contains(kind.getter)) {
          return kind;
        }
      }
      return OTHER;
    }

    String message(StreamConstraintsException limit, OrukJson json) {
      Matcher figures = FIGURES.matcher(String.valueOf(limit.getOriginalMessage()));
      String seen = figures.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(figures.group(1))) : "more";
      String at = limit.getLocation() == null ? "" : " (at " + where(limit.getLocation()) + ")";
      return switch (this) {
        case NESTING -> String.format(Locale.ROOT, "the document nests objects and arrays more than %,d levels"
            + " deep%s, the nesting limit; ORUK documents need about 20. ", json.maxNestingDepth, at) + NESTING_ADVICE;
        case TEXT -> String.format(Locale.ROOT, "a text value%s is longer than %,d characters, the text-length"
            + " limit. ", at, json.maxStringLength) + TEXT_ADVICE;
        case SIZE -> String.format(Locale.ROOT, "the document is larger than %,d bytes, the size limit. ",
            json.maxDocumentBytes) + SIZE_ADVICE;
        case NUMBER -> "a number" + at + " is written with " + seen + " characters, more than a number may have"
            + " here; no ORUK value needs that many.";
        case NAME -> "a property name" + at + " is " + seen + " characters long, more than a name may have here;"
            + " no ORUK property needs that many.";
        case OTHER -> "the document breaks a safety limit of the JSON parser" + at + ": "
            + withoutJacksonSettings(firstLine(limit.getOriginalMessage())) + ".";
      };
    }
  }

  /**
   * A parser message without the advice to turn on one of Jackson's settings ({@code JsonReadFeature},
   * {@code StreamReadConstraints}): a caller of this codec cannot reach them, and the document is what has to
   * change.
   */
  static String withoutJacksonSettings(String message) {
    return message
        .replaceAll("[:;,]?\\s*enable `?(JsonReadFeature|JsonParser\\.Feature)\\.[A-Z_]+`? to allow", "")
        .replaceAll("\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)",
            " (JSON has no comments)")
        .replaceAll("\\s*\\(\\d+, from `StreamReadConstraints\\.[A-Za-z]+\\(\\)`\\)", "");
  }

  /** A hint when the bytes are clearly some other format, such as an HTML error page. */
  private static String sniffNonJson(byte[] json, int start) {
    int i = start;
    while (i < json.length && Character.isWhitespace(json[i])) {
      i++;
    }
    if (i < json.length && json[i] == '<') {
      String head = new String(json, i, Math.min(40, json.length - i), StandardCharsets.UTF_8);
      return "the document looks like HTML or XML (it starts with \"" + firstLine(head) + "\"), not JSON; ";
    }
    return "";
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "an unknown position";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private byte[] readAll(InputStream in) throws IOException {
    Objects.requireNonNull(in, "json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxDocumentBytes) {
        throw new OrukReadException(null, "", String.format(Locale.ROOT, "the document is larger than %,d bytes,"
            + " the size limit. ", maxDocumentBytes) + SIZE_ADVICE, null);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------------------------------- writing

  /** Canonical UTF-8 JSON for a record, a {@link Page} or {@code ApiDetails}. */
  public byte[] write(Object value) {
    // Each thread reuses its buffer: allocating (and zeroing) a fresh one, or growing Jackson's chain
    // of blocks, cost a fifth of the time of writing a page. A nested write gets a buffer of its own.
    WriteBuffer kept = BUFFERS.get();
    boolean reusing = !kept.inUse;
    ByteArrayOutputStream out = reusing ? kept : new ByteArrayOutputStream(WriteBuffer.INITIAL_BYTES);
    if (reusing) {
      kept.inUse = true;
      kept.reset();
    }
    try {
      writer.writeValue(out, value);
      return out.toByteArray();
    } catch (IOException e) {
      throw unwritable(value, e);
    } finally {
      if (reusing) {
        kept.release();
      }
    }
  }

  /** The failure to write {@code value}, with the place the generator had reached. */
  private static OrukWriteException unwritable(Object value, IOException e) {
    String pointer = "";
    String reason = e.getMessage();
    if (e instanceof JsonProcessingException processing) {
      reason = processing.getOriginalMessage();
      if (processing.getProcessor() instanceof JsonGenerator generator) {
        pointer = generator.getOutputContext().pathAsPointer().toString();
      }
    }
    return new OrukWriteException(pointer, "could not write " + value.getClass().getSimpleName() + " as JSON"
        + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + firstLine(reason), e);
  }

  /** A thread's reusable output buffer, shrunk back after a document of more than 128 KiB. */
  private static final class WriteBuffer extends ByteArrayOutputStream {
    static final int INITIAL_BYTES = 8 * 1024;
    private static final int KEPT_BYTES = 128 * 1024;
    boolean inUse;

    WriteBuffer() {
      super(INITIAL_BYTES);
    }

    void release() {
      inUse = false;
      if (buf.length > KEPT_BYTES) {
        buf = new byte[INITIAL_BYTES];
      }
    }
  }

  /** Canonical JSON as text. */
  public String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /** Writes canonical JSON to a stream, which is left open. */
  public void write(Object value, OutputStream out) throws IOException {
    try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (indent) {
        generator.useDefaultPrettyPrinter();
      }
      writer.writeValue(generator, value);
    }
  }

  /** The canonical JSON of a value as a tree, for comparisons and further processing. */
  public JsonNode writeTree(Object value) {
    try {
      return mapper.readTree(write(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An empty JSON object node, for callers assembling documents. */
  public ObjectNode objectNode() {
    return mapper.createObjectNode();
  }

  // ------------------------------------------------------------------------------------------- setup

  private static ObjectMapper newMapper(long maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
    // A name sent twice is not left to the parser (STRICT_DUPLICATE_DETECTION would throw, without a code or
    // a pointer): the record, page and tree readers notice it, report ORUK-READ-016, and strict mode refuses.
    JsonFactory factory = FastPath.factory((JsonFactoryBuilder) JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(maxDocumentBytes)
            .maxNestingDepth(maxNestingDepth)
            .maxStringLength(maxStringLength)
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(maxNestingDepth).build()));
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .addModule(new OrukModule())
        .disable(DeserializationFeature.WRAP_EXCEPTIONS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        // Trees (extension values, writeTree) keep numbers exactly as written: 2.50 stays 2.50.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  /** Options for an {@link OrukJson}. */
  public static final class Builder {
    private ReadMode mode = ReadMode.LENIENT;
    private boolean keepExtensions;
    private boolean indent;
    private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

    private Builder() {
    }

    /** Lenient (the default) or strict reading. */
    public Builder mode(ReadMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Whether written JSON includes extensions kept by the reader (default false: strict output). */
    public Builder keepExtensions(boolean keepExtensions) {
      this.keepExtensions = keepExtensions;
      return this;
    }

    /** Whether written JSON is indented for people (default false: one line). */
    public Builder indent(boolean indent) {
      this.indent = indent;
      return this;
    }

    /** Largest document accepted, in bytes (default 64 MiB). */
    public Builder maxDocumentBytes(long maxDocumentBytes) {
      if (maxDocumentBytes < 1) {
        throw new IllegalArgumentException("maxDocumentBytes must be positive; got " + maxDocumentBytes);
      }
      this.maxDocumentBytes = maxDocumentBytes;
      return this;
    }

    /**
     * Deepest nesting of objects and arrays accepted, counted from the top of the document (default
     * {@value OrukJson#DEFAULT_MAX_NESTING_DEPTH}); also the deepest the writer writes. A page's record that
     * goes deeper is left out of the page (ORUK-READ-017); any other document that does is refused.
     */
    public Builder maxNestingDepth(int maxNestingDepth) {
      if (maxNestingDepth < 1) {
        throw new IllegalArgumentException("maxNestingDepth must be positive; got " + maxNestingDepth);
      }
      this.maxNestingDepth = maxNestingDepth;
      return this;
    }

    /**
     * Longest text value accepted, in characters (default 20,000,000). A page's record that holds a longer one
     * is left out of the page (ORUK-READ-017); any other document with one is refused.
     */
    public Builder maxStringLength(int maxStringLength) {
      if (maxStringLength < 1) {
        throw new IllegalArgumentException("maxStringLength must be positive; got " + maxStringLength);
      }
      this.maxStringLength = maxStringLength;
      return this;
    }

    public OrukJson build() {
      return new OrukJson(this);
    }
  }
}
