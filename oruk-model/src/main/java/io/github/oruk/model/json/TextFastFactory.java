package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's JSON factory with two changes, both for text: parsers over a byte array turn plain ASCII
 * strings into {@code String}s in one block copy, and UTF-8 generators copy a string that needs no
 * escaping into their buffer in one block.
 *
 * <p>Why: ORUK records are mostly text, and moving text was a third of the time of reading a record
 * and half of writing one. Jackson decodes every string byte by byte into a {@code char[]} and then
 * compresses that into a {@code String}; for a string of printable ASCII without escapes (nearly every
 * id, name, date, e-mail and URL) the bytes already are the string. Writing, Jackson copies the string
 * into a {@code char[]} and encodes it character by character; for the same strings one check and one
 * copy do. Anything else (an escape, a control character, a non-ASCII character, a string longer than
 * the buffer, custom escapes) takes Jackson's own path, unchanged, so errors, limits and results stay
 * Jackson's. On the way the parser notes whether the string holds {@code '<'} or {@code ''<' or '&''} and whether it is a
 * UUID, which saves the reader's HTML and id checks a second pass. {@code TextFastPathTest} checks
 * token-for-token and byte-for-byte equality with stock Jackson on tricky and random input;
 * benchmarks/RESULTS.md has the measurements.
 *
 * <p>Only byte-array input without a byte order mark or UTF-16/32 pattern is affected; streams,
 * readers and other encodings get the stock parser. Writers ({@code java.io.Writer}) get the stock
 * generator.
 */
final class TextFastFactory extends JsonFactory {

  private static final long serialVersionUID = 1L;

  TextFastFactory(JsonFactoryBuilder builder) {
    super(builder);
  }

  private TextFastFactory(TextFastFactory source, @Nullable ObjectCodec codec) {
    super(source, codec);
  }

  @Override
  public JsonFactory copy() {
    return new TextFastFactory(this, null);
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
    if (!plainUtf8(data, offset, len) || !Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
      return super._createParser(data, offset, len, ctxt);
    }
    _streamReadConstraints.validateDocumentLength(len);
    ctxt.setEncoding(JsonEncoding.UTF8);
    return new Parser(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
        data, offset, offset + len);
  }

  @Override
  protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) throws IOException {
    Generator generator = new Generator(ctxt, _generatorFeatures, _objectCodec, out, _quoteChar);
    if (_maximumNonEscapedChar > 0) {
      generator.setHighestNonEscapedChar(_maximumNonEscapedChar);
    }
    if (_characterEscapes != null) {
      generator.setCharacterEscapes(_characterEscapes);
    }
    if (_rootValueSeparator != DEFAULT_ROOT_VALUE_SEPARATOR) {
      generator.setRootValueSeparator(_rootValueSeparator);
    }
    return _decorate(generator);
  }

  /**
   * Whether Jackson's encoding detection would settle on UTF-8 without a byte order mark: no BOM lead
   * byte and no zero byte among the first four (UTF-16 and UTF-32 put zeros next to ASCII characters).
   */
  static boolean plainUtf8(byte[] data, int offset, int len) {
    if (len < 4) {
      return false;
    }
    int first = data[offset] & 0xFF;
    if (first == 0xEF || first == 0xFE || first == 0xFF) {
      return false;
    }
    return data[offset] != 0 && data[offset + 1] != 0 && data[offset + 2] != 0 && data[offset + 3] != 0;
  }

  /** The stock UTF-8 parser with a block-copy path for plain ASCII strings. */
  static final class Parser extends UTF8StreamJsonParser {

    Parser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] data,
        int start, int end) {
      super(ctxt, features, null, codec, symbols, data, start, end, 0, false);
    }

    /** The last string made by the fast path, whether it holds a {@code '<'} or {@code ''<' or '&''}, and whether it is a UUID. */
    private @Nullable String lastPlain;
    private boolean lastMayHoldMarkup;
    private boolean lastIsUuid;

    @Override
    @SuppressWarnings("deprecation")
    protected String _finishAndReturnString() throws IOException {
      byte[] in = _inputBuffer;
      int start = _inputPtr;
      int uuidEnd = start + TextDeserializer.UUID_LENGTH;
      // Ids are a third of a record's bytes: a UUID is plain text without markup, so one pass does both.
      boolean uuid = uuidEnd < _inputEnd && in[uuidEnd] == '"' && TextDeserializer.isUuid(in, start);
      long scan = uuid ? uuidEnd : scanPlainAscii(in, start, _inputEnd);
      if (scan < 0) {
        return super._finishAndReturnString();
      }
      int end = (int) scan;
      int length = end - start;
      // Past the closing quote before the length check, as Jackson is, so that an error is placed where Jackson's is.
      _inputPtr = end + 1;
      _streamReadConstraints.validateStringLength(length);
      // The high-byte constructor is a plain copy into a Latin-1 string; it is deprecated only because
      // it ignores charsets, which is exactly right for bytes known to be ASCII. Measured ~25% faster.
      String text = new String(in, 0, start, length);
      _textBuffer.resetWithString(text);
      lastPlain = text;
      lastMayHoldMarkup = (scan & MARKUP) != 0;
      lastIsUuid = uuid;
      return text;
    }

    /**
     * True when {@code text} is the string this parser just read the fast way and it has the form of a
     * UUID (checked on the input bytes, cheaper than on the string); false means "check it yourself".
     */
    boolean isUuid(String text) {
      return text == lastPlain && lastIsUuid;
    }

    /**
     * Whether {@code text} may hold HTML: false only for a string this parser just read the fast way
     * and saw no {@code '<'} or {@code ''<' or '&''} in, which saves a second pass over every text value.
     */
    boolean mayHoldMarkup(String text) {
      return text != lastPlain || lastMayHoldMarkup;
    }

    /** Flag in {@link #scanPlainAscii}'s result: the body holds a {@code '<'} or {@code ''<' or '&''}. */
    static final long MARKUP = 1L << 32;

    private static final byte PLAIN = 0;
    private static final byte OTHER = 1;
    private static final byte QUOTE = 2;
    private static final byte MARKUP_START = 3;
    /**
     * What each byte means in a string body: plain, the closing quote, a possible start of markup, or
     * anything that needs Jackson's own path (a backslash, a control character, a non-ASCII byte).
     * A table beat both a chain of comparisons and eight-bytes-at-a-time tricks on ORUK text.
     */
    private static final byte[] CLASS = new byte[256];

    static {
      for (int b = 0; b < 256; b++) {
        CLASS[b] = b < 0x20 || b >= 0x80 || b == '\\' ? OTHER : PLAIN;
      }
      CLASS['"'] = QUOTE;
      CLASS['<'] = MARKUP_START;
      CLASS['&'] = MARKUP_START;
    }

    /**
     * Scans a string body that starts at {@code from}. When it holds only printable ASCII without a
     * backslash and ends before {@code to}, returns the index of the closing quote, with
     * {@link #MARKUP} set if a {@code '<'} or {@code ''<' or '&''} was seen; otherwise -1.
     */
    static long scanPlainAscii(byte[] in, int from, int to) {
      long markup = 0;
      for (int i = from; i < to; i++) {
        byte kind = CLASS[in[i] & 0xFF];
        if (kind != PLAIN) {
          if (kind == QUOTE) {
            return i | markup;
          }
          if (kind == OTHER) {
            return -1;
          }
          markup = MARKUP;
        }
      }
      return -1;
    }
  }

  /** The stock UTF-8 generator with a block-copy path for strings that need no escaping. */
  static final class Generator extends UTF8JsonGenerator {

    Generator(IOContext ctxt, int features, ObjectCodec codec, OutputStream out, char quote) {
      super(ctxt, features, codec, out, quote);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void writeString(String text) throws IOException {
      int length = text == null ? -1 : text.length();
      if (length < 0 || length + 2 > _outputEnd || _characterEscapes != null || !isPlain(text, length)) {
        super.writeString(text);
        return;
      }
      _verifyValueWrite(WRITE_STRING);
      if (_outputTail + length + 2 > _outputEnd) {
        _flushBuffer();
      }
      byte[] out = _outputBuffer;
      int tail = _outputTail;
      out[tail++] = _quoteChar;
      // Every character is ASCII (checked above), so the low byte of each is its UTF-8 encoding; the
      // deprecated method copies exactly those bytes, as one array copy for a Latin-1 string.
      text.getBytes(0, length, out, tail);
      tail += length;
      out[tail++] = _quoteChar;
      _outputTail = tail;
    }

    /**
     * Plain decimals (the codec's setting) of at most 18 digits and a scale within ±18, which covers
     * every age, amount and coordinate, are written digit by digit; Jackson's way, through
     * {@code toPlainString}, builds a {@code StringBuilder} and two strings and was a sixth of the time of
     * writing a service. Anything else, and numbers written as strings, take Jackson's path; with plain
     * decimals, a number outside {@link NumberRange} is refused first, rather than spelled out in digits
     * (3e888888888 would take 889 million).
     */
    @Override
    public void writeNumber(BigDecimal value) throws IOException {
      boolean plain = Feature.WRITE_BIGDECIMAL_AS_PLAIN.enabledIn(_features);
      if (value == null || _cfgNumbersAsStrings || !plain
          || value.precision() > MAX_FAST_DIGITS || Math.abs(value.scale()) > MAX_FAST_DIGITS) {
        if (value != null && plain) {
          refuseIfOutOfRange(value);
          value = NumberRange.forPlainWriting(value);
        }
        super.writeNumber(value);
        return;
      }
      _verifyValueWrite(WRITE_NUMBER);
      if (_outputTail + MAX_FAST_DECIMAL_BYTES > _outputEnd) {
        _flushBuffer();
      }
      _outputTail = writePlain(value.unscaledValue().longValue(), value.scale(), _outputBuffer, _outputTail);
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
      if (value != null && Feature.WRITE_BIGDECIMAL_AS_PLAIN.enabledIn(_features)) {
        refuseIfOutOfRange(new BigDecimal(value));
      }
      super.writeNumber(value);
    }

    /**
     * With plain decimals (the codec's setting), refuses a number the reader would refuse (see
     * {@link NumberRange}), so that what is written can be read back; the error names the place, which the
     * generator's context still holds. Integers are held to the same range, under the same setting.
     */
    private void refuseIfOutOfRange(BigDecimal value) throws IOException {
      String refusal = NumberRange.writeRefusal(value);
      if (refusal != null) {
        _verifyValueWrite(WRITE_NUMBER); // moves the context onto this value, so that its pointer is the number's
        _reportError(refusal);
      }
    }

    private static final int MAX_FAST_DIGITS = 18;
    /** A sign, "0.", 18 zeros and 18 digits. */
    private static final int MAX_FAST_DECIMAL_BYTES = 1 + 2 + 2 * MAX_FAST_DIGITS;

    /** Writes what {@code BigDecimal.toPlainString} gives for unscaled × 10^-scale; returns the end. */
    static int writePlain(long unscaled, int scale, byte[] out, int at) {
      if (unscaled == 0 && scale <= 0) {
        out[at] = '0';
        return at + 1;
      }
      if (unscaled < 0) {
        out[at++] = '-';
        unscaled = -unscaled;
      }
      int digits = 1;
      for (long rest = unscaled / 10; rest != 0; rest /= 10) {
        digits++;
      }
      int whole = digits - scale;
      if (whole <= 0) {
        out[at++] = '0';
        out[at++] = '.';
        for (int i = whole; i < 0; i++) {
          out[at++] = '0';
        }
        whole = digits;
      }
      // The digits, with a point after the whole part when it falls inside them, then any zeros that a
      // negative scale adds.
      int end = at + digits + (whole < digits ? 1 : 0);
      for (int i = end - 1; i >= at; i--) {
        if (i == at + whole) {
          out[i] = '.';
        } else {
          out[i] = (byte) ('0' + unscaled % 10);
          unscaled /= 10;
        }
      }
      for (int i = 0; i < -scale; i++) {
        out[end++] = '0';
      }
      return end;
    }

    /** Whether every character is ASCII that Jackson's escape table and settings leave as it is. */
    private boolean isPlain(String text, int length) {
      int[] escapes = _outputEscapes;
      int limit = Math.min(escapes.length, _maximumNonEscapedChar > 0 ? _maximumNonEscapedChar + 1 : 0x80);
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c >= limit || escapes[c] != 0) {
          return false;
        }
      }
      return true;
    }
  }
}
