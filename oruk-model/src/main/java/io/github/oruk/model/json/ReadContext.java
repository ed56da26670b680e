package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.oruk.model.Extensible;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state of one read: the mode and the findings collected so far. Travels with Jackson's
 * deserialization context as an attribute, so the deserializers stay stateless and shareable.
 */
final class ReadContext {

  static final Object KEY = ReadContext.class;

  /** Longest observed value quoted in a message. */
  private static final int QUOTE_LIMIT = 80;

  private final ReadMode mode;
  private final List<ReadFinding> findings = new ArrayList<>();
  /** Pointers of list items left out of the document (see {@link PageSalvage}); null when there are none. */
  private @Nullable Set<String> leftOut;

  ReadContext(ReadMode mode) {
    this.mode = mode;
  }

  /** The context of the current read; a lenient one that records nothing if the caller set none. */
  static ReadContext of(DeserializationContext ctxt) {
    Object context = ctxt.getAttribute(KEY);
    return context instanceof ReadContext read ? read : new ReadContext(ReadMode.LENIENT);
  }

  ReadMode mode() {
    return mode;
  }

  List<ReadFinding> findings() {
    return findings;
  }

  /**
   * Records a finding, or, in strict mode, refuses the document when the finding is one that strict
   * mode refuses.
   */
  void report(ReadCode code, String pointer, String message) {
    report(code, pointer, message, null);
  }

  /** As {@link #report(ReadCode, String, String)}, naming the record the finding is about. */
  void report(ReadCode code, String pointer, String message, @Nullable String recordId) {
    if (mode == ReadMode.STRICT && code.rejectedWhenStrict()) {
      throw new OrukReadException(code, pointer,
          code.code() + " at " + display(pointer) + ": " + message
              + " Strict reading refuses this; read leniently to repair or keep it.",
          null);
    }
    findings.add(new ReadFinding(code, pointer, message, recordId));
  }

  /**
   * Reports a property name that came again in the same object, with the parser on its (second) value, and
   * forgets whatever the earlier value left among the holder's extensions, so that the last value is the one
   * kept, as with most JSON parsers. The caller then reads the value as usual.
   *
   * @param earlier the earlier value, as written, when the caller knows it; null otherwise
   */
  void duplicate(JsonParser p, @Nullable Extensible holder, String name, @Nullable String earlier) {
    if (holder != null && holder.hasExtensions()) {
      holder.getExtensions().remove(name);
    }
    report(ReadCode.DUPLICATE_KEY, pointerOf(p), "'" + quote(name) + "' appears more than once in this object;"
        + " JSON leaves the meaning of a repeated name open and parsers differ, so the last value was kept and the"
        + " earlier one" + (earlier == null ? "" : " (" + quote(earlier) + ")") + " dropped. Send each property once.");
  }

  /** Marks the list item at {@code pointer} as left out: a null found there is its placeholder, not a value. */
  void leaveOut(String pointer) {
    if (leftOut == null) {
      leftOut = new HashSet<>();
    }
    leftOut.add(pointer);
  }

  /** Whether the null the parser is on stands for a list item that was left out. */
  boolean leftOut(JsonParser p) {
    return leftOut != null && leftOut.contains(pointerOf(p));
  }

  void report(ReadCode code, JsonParser p, String message) {
    report(code, pointerOf(p), message);
  }

  /**
   * The refusal of a document holding a number outside {@link NumberRange}, in any mode: there is nothing a
   * lenient read could keep that the writer could write. The parser must be on the number.
   */
  OrukReadException numberOutOfRange(JsonParser p, java.math.BigDecimal value) {
    String pointer = pointerOf(p);
    ReadCode code = ReadCode.NUMBER_OUT_OF_RANGE;
    return new OrukReadException(code, pointer, code.code() + " at " + display(pointer) + ": "
        + NumberRange.problem(value) + ". The record is refused: the number can be neither kept nor written"
        + " faithfully. Ask the publisher to correct it.", null);
  }

  /**
   * Keeps a value the reader could not map: it goes into the extensions of the record that holds it,
   * under the property's own name (list elements are collected into an array under the list's name).
   * Reports {@link ReadCode#UNMAPPABLE_VALUE}. The parser must be positioned on the value's first token.
   *
   * @param expected what the property should have held, for the message
   */
  void park(JsonParser p, DeserializationContext ctxt, String expected) throws IOException {
    park(p, ctxt, ReadCode.UNMAPPABLE_VALUE, "expected " + expected + ", found ");
  }

  /**
   * Keeps a value aside as {@link #park(JsonParser, DeserializationContext, String)} does, reporting it
   * with the given code; {@code lead} starts the message and is followed by a rendering of the value.
   */
  void park(JsonParser p, DeserializationContext ctxt, ReadCode code, String lead) throws IOException {
    String pointer = pointerOf(p);
    Owner owner = Owner.of(p);
    JsonNode raw = ctxt.readTree(p);
    String kept;
    if (owner.record instanceof Extensible record && owner.name != null) {
      if (owner.element) {
        JsonNode existing = record.getExtensions().get(owner.name);
        ArrayNode parked = existing instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
        parked.add(raw);
        record.putExtension(owner.name, parked);
      } else {
        record.putExtension(owner.name, raw);
      }
      kept = "kept unchanged as extension '" + owner.name + "'";
    } else {
      kept = "dropped: there is no record here to keep it in";
    }
    report(code, pointer, lead + describe(raw) + "; " + kept + ".");
  }

  /** JSON Pointer of the value the parser is positioned on (its first token). */
  static String pointerOf(JsonParser p) {
    JsonStreamContext context = p.getParsingContext();
    JsonToken token = p.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
      context = context.getParent();
    }
    return context.pathAsPointer().toString();
  }

  /** A short, quoted rendering of a JSON value for messages. */
  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    String kind = node.isTextual() ? "text" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean"
        : node.isArray() ? "an array" : node.isObject() ? "an object" : "a value";
    return kind + " " + quote(node.toString());
  }

  static String quote(String text) {
    if (text.length() > QUOTE_LIMIT) {
      return text.substring(0, QUOTE_LIMIT) + "…";
    }
    return text;
  }

  private static String display(String pointer) {
    return pointer.isEmpty() ? "the document root" : pointer;
  }

  /** The record and property that hold the value the parser is on. */
  private record Owner(@Nullable Object record, @Nullable String name, boolean element) {

    static Owner of(JsonParser p) {
      JsonStreamContext context = p.getParsingContext();
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        context = context.getParent();
      }
      if (context == null) {
        return new Owner(null, null, false);
      }
      if (context.inArray()) {
        JsonStreamContext holder = context.getParent();
        if (holder != null && holder.inObject()) {
          return new Owner(holder.getCurrentValue(), holder.getCurrentName(), true);
        }
        return new Owner(null, null, true);
      }
      if (context.inObject()) {
        return new Owner(context.getCurrentValue(), context.getCurrentName(), false);
      }
      return new Owner(null, null, false);
    }
  }
}
