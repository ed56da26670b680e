package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether the codec uses {@link TextFastFactory} or stock Jackson, decided once per class loader.
 *
 * <p>{@code TextFastFactory} subclasses Jackson internals (the UTF-8 parser and generator, their protected
 * fields, {@code _createParser}), which Jackson may change in any minor release; the model README names the
 * range it is tested on. So the first codec built tries the fast factory on a small sample and compares every
 * token and byte with stock Jackson's. A missing class or method (any
 * {@link LinkageError}), an exception, an override Jackson no longer calls, or a different result, and the
 * codec takes stock Jackson's factory instead (with the codec's rule for numbers, {@link RangeChecked}), which
 * gives the same JSON and the same findings, only more slowly; it says so once through {@link System.Logger}
 * at WARNING. {@code -Doruk.json.fastPath=false} turns the fast paths off on purpose (said once at INFO).
 */
final class FastPath {

  /** The system property that turns the fast paths off when it is {@code false}. */
  static final String PROPERTY = "oruk.json.fastPath";

  private static final System.Logger LOG = System.getLogger("io.github.oruk.model.json");

  // The sample the fast factory is tried on; declared before the decision, which uses it.
  private static final String UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  private static final String PLAIN = "Greengate Homework Club";
  private static final String MARKUP = "Fish & chips";
  private static final byte[] SAMPLE = ("{\"id\":\"" + UUID + "\",\"name\":\"" + PLAIN + "\",\"note\":\"" + MARKUP
      + "\",\"text\":\"caf\u00e9 \\\"quoted\\\"\\n\",\"n\":[12.50,-0.001,1E+3,7,123456789012345678901234567890]}")
      .getBytes(StandardCharsets.UTF_8);

  /** Why the codec does not use the fast paths, or null when it does. */
  static final @Nullable String PROBLEM;

  /** Whether the codec uses the fast paths; guards every reference to the fast classes, which may not load. */
  static final boolean ON;

  static {
    String property = System.getProperty(PROPERTY);
    if (turnedOff(property)) {
      PROBLEM = "turned off by -D" + PROPERTY + "=" + property;
      LOG.log(System.Logger.Level.INFO, "The JSON codec uses stock Jackson: its fast text paths are " + PROBLEM
          + ".");
    } else {
      PROBLEM = problem(() -> new TextFastFactory(new JsonFactoryBuilder()));
      if (PROBLEM != null) {
        LOG.log(System.Logger.Level.WARNING, "The JSON codec uses stock Jackson, because its fast text paths do"
            + " not work with jackson-core " + jacksonVersion() + " on the class path: " + PROBLEM + ". Output"
            + " and findings are the same, reading and writing are slower. The SDK is tested with Jackson"
            + " 2.19.0 to 2.23.0 (see oruk-model's README); -D" + PROPERTY + "=false makes this choice"
            + " without trying.");
      }
    }
    ON = PROBLEM == null;
  }

  private FastPath() {
  }

  /**
   * The codec's factory from {@code builder}: the fast one when it works here, else stock Jackson's, whose
   * generators keep the codec's one rule that stock Jackson lacks (see {@link RangeChecked}).
   */
  static JsonFactory factory(JsonFactoryBuilder builder) {
    return ON ? new TextFastFactory(builder) : builder.addDecorator((factory, generator) -> new RangeChecked(generator))
        .build();
  }

  /**
   * Stock Jackson's generator with the number rule of the codec's own: with plain digits, a number the reader
   * would refuse is not written (the error names its place), and zero with a huge negative scale is "0".
   */
  static final class RangeChecked extends JsonGeneratorDelegate {

    RangeChecked(JsonGenerator generator) {
      // Trees and objects are written through this generator too, so that their numbers are checked.
      super(generator, false);
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
      if (value != null && isEnabled(Feature.WRITE_BIGDECIMAL_AS_PLAIN)) {
        refuseIfOutOfRange(value);
        value = NumberRange.forPlainWriting(value);
      }
      delegate.writeNumber(value);
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
      if (value != null && isEnabled(Feature.WRITE_BIGDECIMAL_AS_PLAIN)) {
        refuseIfOutOfRange(new BigDecimal(value));
      }
      delegate.writeNumber(value);
    }

    private void refuseIfOutOfRange(BigDecimal value) throws JsonGenerationException {
      String refusal = NumberRange.writeRefusal(value);
      if (refusal != null) {
        if (getOutputContext() instanceof JsonWriteContext context) {
          context.writeValue(); // moves the context onto this value, so that its pointer is the number's
        }
        throw new JsonGenerationException(refusal, this);
      }
    }
  }

  static boolean turnedOff(String property) {
    return property != null && property.trim().toLowerCase(Locale.ROOT).equals("false");
  }

  /**
   * What is wrong with the fast factory that {@code candidate} makes, or null when it parses and writes a sample
   * exactly as stock Jackson does, through the codec's parser and generator, with every overridden path taken
   * (plain, escaped and non-ASCII strings; a UUID and markup hint; a full output buffer; decimals short, long
   * and out of range; a big integer; a copy of the factory).
   */
  static @Nullable String problem(Supplier<JsonFactory> candidate) {
    try {
      JsonFactory fast = candidate.get();
      JsonFactory stock = new JsonFactory();
      List<String> expected;
      try (JsonParser parser = stock.createParser(SAMPLE)) {
        expected = readAll(parser, null);
      }
      try (JsonParser parser = fast.createParser(SAMPLE)) {
        // The parser is passed on as a JsonParser: using it as one where its class is named would make the
        // verifier load that class with this one, and this class must load when the fast classes do not.
        if (!(parser instanceof TextFastFactory.Parser hinted)) {
          return "the factory made a " + parser.getClass().getName() + ", not the codec's parser";
        }
        List<String> actual = readAll(parser, hinted);
        if (!actual.equals(expected)) {
          return "the codec's parser read " + actual + " where Jackson reads " + expected;
        }
      }
      byte[] expectedBytes = written(stock);
      byte[] actualBytes = written(fast);
      if (!Arrays.equals(expectedBytes, actualBytes)) {
        return "the codec's generator wrote " + new String(actualBytes, StandardCharsets.UTF_8)
            + " where Jackson writes " + new String(expectedBytes, StandardCharsets.UTF_8);
      }
      if (!(fast.copy() instanceof TextFastFactory)) {
        return "copying the factory gives a " + fast.copy().getClass().getName();
      }
      try (JsonGenerator generator = fast.createGenerator(new ByteArrayOutputStream())) {
        generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        generator.writeNumber(new BigDecimal("1E+999999"));
        return "the codec's generator wrote a number outside the range it refuses";
      } catch (JsonProcessingException expectedRefusal) {
        return null;
      }
    } catch (LinkageError | RuntimeException | IOException e) {
      return e.toString();
    }
  }


  /** Every token and its text; with the codec's parser, also whether its hints hold for the known strings. */
  private static List<String> readAll(JsonParser parser, TextFastFactory.@Nullable Parser hinted)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      String text = parser.getText();
      tokens.add(token + " " + text);
      if (hinted != null && token == JsonToken.VALUE_STRING) {
        boolean right = switch (text) {
          case UUID -> hinted.isUuid(text) && !hinted.mayHoldMarkup(text);
          case PLAIN -> !hinted.isUuid(text) && !hinted.mayHoldMarkup(text);
          default -> hinted.mayHoldMarkup(text);
        };
        if (!right) {
          tokens.add("wrong hints for " + text);
        }
      }
    }
    return tokens;
  }

  private static byte[] written(JsonFactory factory) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      generator.writeStartArray();
      // Enough plain strings to fill the generator's buffer, so that the fast path flushes it too.
      for (int i = 0; i < 400; i++) {
        generator.writeString(PLAIN);
      }
      generator.writeString("caf\u00e9 \"quoted\"\n");
      for (String number : new String[] {"12.50", "-0.001", "1E+3", "0E-5", "1E+40", "0.1234567890123456789012"}) {
        generator.writeNumber(new BigDecimal(number));
      }
      generator.writeNumber(new BigInteger("123456789012345678901234567890"));
      generator.writeEndArray();
    }
    return out.toByteArray();
  }

  private static String jacksonVersion() {
    try {
      Version version = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
      return version.toString();
    } catch (LinkageError e) {
      return "(version unknown)";
    }
  }
}
