package io.github.oruk.model.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The codec's fast paths for text give exactly what Jackson's own paths give: the parser's block copy
 * of plain ASCII strings, its markup and UUID hints, the writer's block copy, and the date writers.
 */
class TextFastPathTest {

  /** Strings that exercise every branch: plain, escapes, controls, non-ASCII, surrogates, markup, '?'. */
  static final String[] TRICKY = {
      "", "a", "Greengate Homework Club", "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "3f2504e0-4f89-41d3-9a0c-0305e82c330", "3f2504e0x4f89-41d3-9a0c-0305e82c3301",
      "3f2504e0-4f89-41d3-9a0c-0305e82c330g", "a \"quoted\" word", "back\\slash", "line\nbreak", "tab\there",
      "\u0001control", "caf\u00e9", "\u00a310 a session", "curly \u2019quote\u2019", "emoji \ud83d\ude00 here",
      "lone \ud83d surrogate", "lone \ude00 low", "<p>Hello</p>", "fish & chips", "&amp;", "5 < 11",
      "https://example.org/page?id=3&x=y", "why?", "??", "\u007f delete", "/slash/", "end\\",
      "\u0141\u00f3d\u017a", "\u0100\u0161",
  };

  private final JsonFactory stock = new JsonFactory();
  private final JsonFactory fast = new TextFastFactory(new JsonFactoryBuilder());

  @Test
  void theFastFactoryIsUsedForPlainUtf8AndNotForOtherEncodings() throws IOException {
    assertInstanceOf(TextFastFactory.Parser.class, fast.createParser(bytes("{\"a\":1}")));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', ' '};
    assertFalse(fast.createParser(bom) instanceof TextFastFactory.Parser);
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
    try (JsonParser p = fast.createParser(utf16)) {
      assertFalse(p instanceof TextFastFactory.Parser);
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertEquals("a", p.nextFieldName());
    }
    assertFalse(fast.createParser(bytes("[]")) instanceof TextFastFactory.Parser, "too short to sniff");
  }

  @Test
  void parsesEveryTrickyStringExactlyAsJacksonDoes() throws IOException {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < TRICKY.length; i++) {
      json.append(i == 0 ? "" : ",").append(quote("k" + i)).append(':').append(quote(TRICKY[i]));
    }
    json.append(",\"list\":[").append(String.join(",", quoteAll(TRICKY))).append("]}");
    assertSameTokens(bytes(json.toString()));
  }

  @Test
  void parsesRandomDocumentsExactlyAsJacksonDoes() throws IOException {
    SplittableRandom random = new SplittableRandom(2026);
    for (int doc = 0; doc < 300; doc++) {
      StringBuilder json = new StringBuilder("{");
      int fields = random.nextInt(1, 12);
      for (int f = 0; f < fields; f++) {
        json.append(f == 0 ? "" : ",").append(quote("f" + f)).append(':');
        json.append(random.nextInt(4) == 0 ? String.valueOf(random.nextInt(1000)) : quote(randomText(random)));
      }
      assertSameTokens(bytes(json.append('}').toString()));
    }
  }

  @Test
  void anUnterminatedStringFailsJustAsWithJackson() {
    byte[] json = bytes("{\"name\":\"never closed");
    JsonProcessingException expected = assertThrows(JsonProcessingException.class, () -> readAll(stock, json));
    JsonProcessingException actual = assertThrows(JsonProcessingException.class, () -> readAll(fast, json));
    assertEquals(expected.getOriginalMessage(), actual.getOriginalMessage());
  }

  @Test
  void theStringLengthLimitStillAppliesAndFailsWhereJacksonDoes() throws IOException {
    StreamReadConstraints tenCharacters = StreamReadConstraints.builder().maxStringLength(10).build();
    JsonFactory limited = new TextFastFactory((JsonFactoryBuilder) JsonFactory.builder()
        .streamReadConstraints(tenCharacters));
    JsonFactory stockLimited = JsonFactory.builder().streamReadConstraints(tenCharacters).build();
    byte[] json = bytes("{\"a\":\"" + "x".repeat(11) + "\"}");
    // The codec places the error by the parser's location (the exception has none), so that must be Jackson's.
    assertEquals(columnOfLimitError(stockLimited, json), columnOfLimitError(limited, json));
  }

  private static int columnOfLimitError(JsonFactory factory, byte[] json) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      assertThrows(StreamConstraintsException.class, () -> {
        while (p.nextToken() != null) {
          p.getText();
        }
      });
      return p.currentLocation().getColumnNr();
    }
  }

  @Test
  void markupAndUuidHintsAreExactForFastStringsAndConservativeOtherwise() throws IOException {
    for (String text : TRICKY) {
      try (JsonParser p = fast.createParser(bytes("{\"k\":" + quote(text) + "}"))) {
        TextFastFactory.Parser parser = (TextFastFactory.Parser) p;
        p.nextToken();
        p.nextToken();
        p.nextToken();
        String read = p.getText();
        assertEquals(text, read);
        boolean hasMarkupChar = text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
        if (!parser.mayHoldMarkup(read)) {
          assertFalse(hasMarkupChar, "said no markup for " + text);
        }
        if (hasMarkupChar) {
          assertTrue(parser.mayHoldMarkup(read), text);
        }
        if (parser.isUuid(read)) {
          assertTrue(TextDeserializer.isUuid(text), text);
        }
        assertFalse(parser.isUuid(new String(read)), "a hint is only for the very string the parser made");
        assertTrue(parser.mayHoldMarkup(new String(read)), "a hint is only for the very string the parser made");
      }
    }
  }

  @Test
  void theByteUuidCheckAgreesWithTheTextCheck() {
    for (String text : TRICKY) {
      if (text.length() == TextDeserializer.UUID_LENGTH) {
        assertEquals(TextDeserializer.isUuid(text), TextDeserializer.isUuid(bytes(text), 0), text);
      }
    }
    assertTrue(TextDeserializer.isUuid(bytes("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), 0));
    assertFalse(TextDeserializer.isUuid("3f2504e0-4f89-41d3-9a0c-0305e82c33\u00e91"));
    // The byte check works eight bytes at a time; the text check one character at a time. Damage
    // UUIDs at random (any byte value, anywhere, either letter case) and they must still agree.
    SplittableRandom random = new SplittableRandom(14);
    int uuids = 0;
    for (int i = 0; i < 200_000; i++) {
      String uuid = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
      byte[] damaged = bytes(random.nextBoolean() ? uuid : uuid.toUpperCase(java.util.Locale.ROOT));
      for (int hits = random.nextInt(3); hits > 0; hits--) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      byte[] padded = new byte[damaged.length + 5];
      System.arraycopy(damaged, 0, padded, 3, damaged.length);
      boolean expected = TextDeserializer.isUuid(new String(damaged, StandardCharsets.ISO_8859_1));
      assertEquals(expected, TextDeserializer.isUuid(padded, 3),
          () -> new String(damaged, StandardCharsets.ISO_8859_1));
      uuids += expected ? 1 : 0;
    }
    assertTrue(uuids > 50_000 && uuids < 150_000, "both answers are exercised: " + uuids);
  }

  @Test
  void writesEveryTrickyStringExactlyAsJacksonDoes() throws IOException {
    for (String text : texts(11, 2_000, "x".repeat(70_000))) {
      assertArrayEquals(written(text, false), written(text, true), () -> "for " + text);
    }
  }

  @Test
  void writesDocumentsOfManyStringsExactlyAsJacksonDoesUnderEverySetting() throws IOException {
    List<String> texts = texts(12, 600, "a/b".repeat(3_000));
    for (JsonWriteFeature feature : new JsonWriteFeature[] {null, JsonWriteFeature.ESCAPE_NON_ASCII,
        JsonWriteFeature.ESCAPE_FORWARD_SLASHES}) {
      List<JsonFactory> stockAndFast = stockAndFast(builder -> {
        if (feature != null) {
          builder.enable(feature);
        }
      });
      // Separators, buffer boundaries (the texts add up to several buffers) and settings all matter.
      assertArrayEquals(document(stockAndFast.get(0), texts), document(stockAndFast.get(1), texts),
          () -> "with " + feature);
    }
  }

  @Test
  void writesDecimalsExactlyAsJacksonDoesUnderEverySetting() throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    List<BigDecimal> numbers = new ArrayList<>();
    for (String text : new String[] {"0", "0.00", "0E+3", "-0.0", "1E+18", "-1E-18", "53.4808", "-2.2426",
        "999999999999999999", "-999999999999999999", "0.000000000000000001", "1234567890123456789", "1E-19",
        "5E+19", "12.50", "100", "1E+2", "-7", "0.5"}) {
      numbers.add(new BigDecimal(text));
    }
    for (int i = 0; i < 3_000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      numbers.add(BigDecimal.valueOf(unscaled, random.nextInt(-22, 23)));
    }
    for (StreamWriteFeature plain : new StreamWriteFeature[] {StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN,
        null}) {
      for (JsonWriteFeature strings : new JsonWriteFeature[] {null, JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS}) {
        List<JsonFactory> stockAndFast = stockAndFast(builder -> {
          if (plain != null) {
            builder.enable(plain);
          }
          if (strings != null) {
            builder.enable(strings);
          }
        });
        byte[] expected = decimals(stockAndFast.get(0), numbers);
        assertArrayEquals(expected, decimals(stockAndFast.get(1), numbers),
            () -> "with " + plain + " and " + strings);
        if (plain != null && strings == null) {
          assertTrue(new String(expected, StandardCharsets.US_ASCII).contains(",0.000000000000000001,"),
              "the plain form is what is compared");
        }
      }
    }
  }

  /** The tricky strings, {@code count} random ones and a long one. */
  private static List<String> texts(long seed, int count, String longOne) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>(List.of(TRICKY));
    for (int i = 0; i < count; i++) {
      texts.add(randomText(random));
    }
    texts.add(longOne);
    return texts;
  }

  /** A stock factory and a {@code TextFastFactory}, both with the same settings. */
  private static List<JsonFactory> stockAndFast(Consumer<JsonFactoryBuilder> settings) {
    JsonFactoryBuilder stockBuilder = new JsonFactoryBuilder();
    JsonFactoryBuilder fastBuilder = new JsonFactoryBuilder();
    settings.accept(stockBuilder);
    settings.accept(fastBuilder);
    return List.of(stockBuilder.build(), new TextFastFactory(fastBuilder));
  }

  private static byte[] decimals(JsonFactory factory, List<BigDecimal> numbers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = factory.createGenerator(out)) {
      gen.writeStartArray();
      for (int round = 0; round < 4; round++) {
        for (BigDecimal number : numbers) {
          gen.writeNumber(number);
        }
      }
      gen.writeEndArray();
    }
    return out.toByteArray();
  }

  private static byte[] document(JsonFactory factory, List<String> texts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = factory.createGenerator(out)) {
      gen.writeStartObject();
      for (int i = 0; i < texts.size(); i++) {
        gen.writeFieldName("k" + i);
        gen.writeStartArray();
        gen.writeString(texts.get(i));
        gen.writeString(texts.get(texts.size() - 1 - i));
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  @Test
  void writesDatesAndTimesInTheCanonicalForm() throws IOException {
    assertEquals("\"2024-05-01\"", writeWith(new CanonicalSerializers.Date(), LocalDate.of(2024, 5, 1)));
    assertEquals("\"+10000-01-01\"", writeWith(new CanonicalSerializers.Date(), LocalDate.of(10_000, 1, 1)));
    assertEquals("\"09:30:00\"", writeWith(new CanonicalSerializers.TimeOfDay(), LocalTime.of(9, 30)));
    assertEquals("\"09:30:00.120\"",
        writeWith(new CanonicalSerializers.TimeOfDay(), LocalTime.of(9, 30, 0, 120_000_000)));
    assertEquals("\"09:30:00.000120\"",
        writeWith(new CanonicalSerializers.TimeOfDay(), LocalTime.of(9, 30, 0, 120_000)));
    assertEquals("\"09:30:00.000000120\"",
        writeWith(new CanonicalSerializers.TimeOfDay(), LocalTime.of(9, 30, 0, 120)));
    assertEquals("\"2024-05-01T09:30:00Z\"", writeWith(new CanonicalSerializers.DateTime(),
        OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC)));
    assertEquals("\"2024-05-01T09:30:00.120+01:00\"", writeWith(new CanonicalSerializers.DateTime(),
        OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 120_000_000, ZoneOffset.ofHours(1))));
    assertEquals("\"1999-12-31T23:59:59-05:30\"", writeWith(new CanonicalSerializers.DateTime(),
        OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(-5, -30))));
    assertEquals("\"2024-05-01T09:30:00+01:00:30\"", writeWith(new CanonicalSerializers.DateTime(),
        OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30))));
  }

  @Test
  void randomDateTimesAreWrittenAsJavaTimeWouldAndReadBack() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 2_000; i++) {
      OffsetDateTime value = OffsetDateTime.of(LocalDate.ofEpochDay(random.nextInt(-700_000, 2_900_000)),
          LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000_000L)),
          ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60));
      String text = CanonicalSerializers.format(value);
      assertEquals(value, OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME), text);
      assertEquals("\"" + text + "\"", writeWith(new CanonicalSerializers.DateTime(), value));
    }
  }

  // ------------------------------------------------------------------------------------------- helpers

  private void assertSameTokens(byte[] json) throws IOException {
    List<String> expected = readAll(stock, json);
    List<String> actual = readAll(fast, json);
    assertEquals(expected, actual);
    assertNotEquals(0, actual.size());
  }

  /** Every token, its text, and for strings the text asked for twice and as characters. */
  private static List<String> readAll(JsonFactory factory, byte[] json) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (JsonParser p = factory.createParser(json)) {
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        String text = p.getText();
        tokens.add(token + " " + text);
        if (token == JsonToken.VALUE_STRING) {
          tokens.add(p.getText() + "|" + new String(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
              + "|" + p.currentTokenLocation().getColumnNr() + "|" + p.currentLocation().getColumnNr());
        }
      }
    }
    return tokens;
  }

  private byte[] written(String text, boolean fastPath) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = (fastPath ? fast : stock).createGenerator(out)) {
      if (fastPath) {
        assertInstanceOf(TextFastFactory.Generator.class, gen);
      }
      gen.writeString(text);
    }
    return out.toByteArray();
  }

  private <T> String writeWith(com.fasterxml.jackson.databind.JsonSerializer<T> serializer, T value)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = stock.createGenerator(out)) {
      serializer.serialize(value, gen, null);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String randomText(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(0, 120);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(100);
      text.append(pick < 85 ? (char) random.nextInt(0x20, 0x7F)
          : pick < 90 ? (char) random.nextInt(0, 0x20)
          : pick < 95 ? (char) random.nextInt(0x80, 0x800)
          : pick < 97 ? "\ud83d\ude00"
          : "\"\\<&?".charAt(random.nextInt(5)));
    }
    return text.toString();
  }

  private static String quote(String text) {
    try {
      return new String(jsonString(text), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] jsonString(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
      gen.writeString(text);
    }
    return out.toByteArray();
  }

  private static List<String> quoteAll(String[] texts) {
    List<String> quoted = new ArrayList<>();
    for (String text : texts) {
      quoted.add(quote(text));
    }
    return quoted;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A tree's text values are marked as UUIDs ({@link OrukJson#readAsUuid}) only when their text has the form, and
   * as free of markup ({@link OrukJson#readWithoutMarkup}) only when they hold no '<' or '&'; the plain ones always
   * are: on arrays of random near-UUIDs (a character changed, added or dropped, upper case, an escaped hyphen,
   * non-ASCII look-alikes, '<' and '&'), read by {@link OrukJson#readTree}.
   */
  @Test
  void treeMarksUuidsAndTextWithoutMarkupOnlyWhenTheTextIsSo() {
    String valid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    String alphabet = "0189aAfFgG-_ <&\u00e9\u0130\u012d";
    SplittableRandom random = new SplittableRandom(37);
    OrukJson json = OrukJson.lenient();
    int marked = 0;
    int unmarked = 0;
    for (int round = 0; round < 200; round++) {
      List<String> texts = new ArrayList<>();
      List<Boolean> escaped = new ArrayList<>();
      StringBuilder document = new StringBuilder("[");
      for (int k = 0; k < 50; k++) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? valid : valid.toUpperCase(java.util.Locale.ROOT));
        String written;
        switch (random.nextInt(5)) {
          case 0 -> text.setCharAt(random.nextInt(36), alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> text.insert(random.nextInt(37), alphabet.charAt(random.nextInt(alphabet.length())));
          case 2 -> text.deleteCharAt(random.nextInt(36));
          default -> { }
        }
        written = text.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        if (random.nextInt(6) == 0) { // an escape the fast path leaves to Jackson
          written = written.replaceFirst("-", "\\\\u002d");
        }
        texts.add(text.toString());
        escaped.add(written.indexOf('\\') >= 0);
        document.append(k == 0 ? "" : ",").append('"').append(written).append('"');
      }
      JsonNode tree = json.readTree(document.append(']').toString().getBytes(StandardCharsets.UTF_8), new ArrayList<>());
      for (int k = 0; k < texts.size(); k++) {
        JsonNode node = tree.get(k);
        assertEquals(texts.get(k), node.textValue());
        boolean form = TextDeserializer.isUuid(texts.get(k));
        boolean markup = texts.get(k).indexOf('<') >= 0 || texts.get(k).indexOf('&') >= 0;
        boolean plainAscii = !escaped.get(k) && texts.get(k).chars().allMatch(c -> c >= 0x20 && c < 0x7F);
        assertEquals(!markup && plainAscii, OrukJson.readWithoutMarkup(node), "marked as free of markup: '"
            + texts.get(k) + "'");
        if (OrukJson.readAsUuid(node)) {
          assertTrue(form, "marked as a UUID: '" + texts.get(k) + "'");
          marked++;
        } else {
          assertFalse(form && !escaped.get(k), "a plain UUID not marked: '" + texts.get(k) + "'");
          unmarked++;
        }
      }
    }
    assertTrue(marked > 3_000 && unmarked > 3_000, marked + " marked, " + unmarked + " not");
  }
}
