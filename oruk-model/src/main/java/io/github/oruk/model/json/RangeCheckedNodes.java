package io.github.oruk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Makes the JSON trees of one read (extension values, values kept aside, {@link OrukJson#readTree}) and checks
 * each number that is not a plain {@code int} or {@code long} against {@link NumberRange}, where the parser
 * still knows the number's place. A read refuses a number out of range; a tree read for inspection reports it
 * and keeps it.
 *
 * <p>The trees it made keep a reference to it, as Jackson's trees keep their factory: {@link #detach()} drops
 * the parser and the read's state at the end of the read, after which it makes nodes as Jackson's own does.
 */
final class RangeCheckedNodes extends JsonNodeFactory {

  private static final long serialVersionUID = 1L;

  private final boolean keep;
  private transient @Nullable JsonParser parser;
  private transient @Nullable ReadContext context;

  /**
   * @param keep true to report a number out of range and keep it (a tree read for inspection); false to refuse
   *     the document
   */
  RangeCheckedNodes(JsonParser parser, ReadContext context, boolean keep) {
    this.parser = parser;
    this.context = context;
    this.keep = keep;
  }

  /** Ends the read: from now on, numbers are taken as they are. */
  void detach() {
    parser = null;
    context = null;
  }

  /**
   * A text value; one the parser read the fast way (see {@link TextFastFactory.Parser}) carries what the parser saw
   * on the way ({@link ReadText}): whether it is a UUID, and that it holds no {@code '<'} or {@code '&'}, so that
   * checks of the tree need not look at its characters again.
   */
  @Override
  public TextNode textNode(String text) {
    if (FastPath.ON && parser instanceof TextFastFactory.Parser fast && text != null && !text.isEmpty()) {
      boolean uuid = fast.isUuid(text);
      if (uuid || !fast.mayHoldMarkup(text)) {
        return new ReadText(text, uuid);
      }
    }
    return super.textNode(text);
  }

  /** Text the parser read without markup (no {@code '<'} or {@code '&'}), and whether it is a UUID. */
  static final class ReadText extends TextNode {

    private static final long serialVersionUID = 1L;
    private final boolean uuid;

    ReadText(String text, boolean uuid) {
      super(text);
      this.uuid = uuid;
    }

    boolean uuid() {
      return uuid;
    }
  }

  @Override
  public ValueNode numberNode(BigDecimal value) {
    if (value != null && parser != null && !NumberRange.contains(value)) {
      outOfRange(value);
    }
    return super.numberNode(value);
  }

  @Override
  public ValueNode numberNode(BigInteger value) {
    if (value != null && parser != null && !NumberRange.contains(value)) {
      outOfRange(new BigDecimal(value));
    }
    return super.numberNode(value);
  }

  @SuppressWarnings("NullAway") // context is set while a document is read, the only time numbers are checked
  private void outOfRange(BigDecimal value) {
    if (keep) {
      context.report(ReadCode.NUMBER_OUT_OF_RANGE, ReadContext.pointerOf(parser), NumberRange.problem(value)
          + "; kept as sent here, but reading the record refuses it: the number could not be written back"
          + " faithfully.");
    } else {
      throw context.numberOutOfRange(parser, value);
    }
  }
}
