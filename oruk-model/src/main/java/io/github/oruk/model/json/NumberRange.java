package io.github.oruk.model.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Which numbers the codec reads and writes, and how to quote one in a message.
 *
 * <p>ORUK's numbers are ages, coordinates, prices, intervals and counts. JSON sets no bounds on a number,
 * but RFC 8259 (section 6) warns that software can be relied on for no more range than an IEEE 754 double
 * holds, and most does not go beyond it: JavaScript, the official validator (.NET) and spreadsheets all read
 * {@code 1e999} as infinity. A number outside that range means nothing any consumer can use, and
 * {@code 3e888888888}, four characters of exponent, would be written back as 889 million digits: canonical
 * JSON spells numbers out in plain digits. So a number is in range when it is
 *
 * <ul>
 *   <li>zero, or of a magnitude a double holds: one that a double reads neither as infinity (from about 1.8 ×
 *       10<sup>308</sup>) nor as zero (below about 2.5 × 10<sup>-324</sup>); and
 *   <li>at most {@value #MAX_PLAIN_LENGTH} characters long in plain digits, which is also the longest
 *       number the reader accepts (Jackson's default), so that whatever is written can be read back.
 * </ul>
 *
 * <p>Every age, coordinate, price or count anyone publishes is far inside. The lenient reader refuses a record
 * holding a number out of range ({@link ReadCode#NUMBER_OUT_OF_RANGE}), so that what it accepts the writer can
 * write; {@link OrukJson#readTree} reports one and keeps it, for validators.
 */
public final class NumberRange {

  /** The longest plain (digits, sign and point) spelling of a number in range. */
  public static final int MAX_PLAIN_LENGTH = 1000;

  /** The longest quotation {@link #quote(BigDecimal)} gives. */
  static final int QUOTE_LENGTH = 40;
  private static final MathContext QUOTED_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

  /** Half an ulp above the largest double: from here on, a double rounds to infinity. */
  private static final BigDecimal TOO_LARGE = new BigDecimal(Double.MAX_VALUE)
      .add(new BigDecimal(Math.ulp(Double.MAX_VALUE)).divide(BigDecimal.valueOf(2)));
  /** Half the smallest double: up to here, a double rounds to zero. */
  private static final BigDecimal TOO_SMALL = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2));

  private NumberRange() {
  }

  /** Whether {@code value} is in range; see the class description. */
  public static boolean contains(BigDecimal value) {
    int scale = value.scale();
    // Nearly every number: few digits and a small scale, so well inside both limits.
    if (scale >= -8 && scale <= 300 && value.precision() <= 300) {
      return true;
    }
    if (plainLength(value) > MAX_PLAIN_LENGTH) {
      return false;
    }
    return value.signum() == 0 || asDouble(value) == Outcome.FINITE;
  }

  /** Whether {@code value} is in range; see the class description. */
  public static boolean contains(BigInteger value) {
    return value.bitLength() < 64 || contains(new BigDecimal(value));
  }

  /**
   * The number as a message can show it, in at most {@value #QUOTE_LENGTH} characters: its plain digits when
   * they are that short, otherwise the scientific form ({@code 3E+888888888}), rounded to twelve digits (and
   * then marked "about") when it has more.
   */
  public static String quote(BigDecimal value) {
    if (plainLength(value) <= QUOTE_LENGTH) {
      return value.toPlainString();
    }
    BigDecimal shorter = value.round(QUOTED_DIGITS);
    return (shorter.precision() < value.precision() ? "about " : "") + shorter.toString();
  }

  /** What is wrong with a number out of range, for messages: "the number 1E+999999 is further from zero ...". */
  static String problem(BigDecimal value) {
    String number = "the number " + quote(value);
    long length = plainLength(value);
    Outcome outcome = value.signum() == 0 ? Outcome.FINITE : asDouble(value);
    if (outcome == Outcome.INFINITE) {
      return number + " is further from zero than a double holds (about 1.8 × 10^308), the most JSON software can"
          + " be relied on for: read as one, it is infinity";
    }
    if (outcome == Outcome.ZERO) {
      return number + " is so close to zero that a double (down to about 4.9 × 10^-324), the most JSON software"
          + " can be relied on for, reads it as 0";
    }
    return number + " is " + (length > Integer.MAX_VALUE ? "billions of" : String.valueOf(length))
        + " characters long in plain digits, more than the " + MAX_PLAIN_LENGTH + " a reader accepts";
  }

  /**
   * Why a generator writing plain digits refuses {@code value}, or null when it writes it: the writer refuses
   * what the reader would (both the codec's generator and the stock one it falls back to, see {@link FastPath}).
   */
  static @Nullable String writeRefusal(BigDecimal value) {
    return contains(value) ? null : problem(value) + "; canonical JSON spells numbers out in plain digits, and a"
        + " reader could not read it back";
  }

  /**
   * {@code value} as a generator writing plain digits gets it: zero with a negative scale ({@code 0e999999}) is
   * plain "0", but Jackson refuses any scale beyond ±9999.
   */
  static BigDecimal forPlainWriting(BigDecimal value) {
    return value.signum() == 0 && value.scale() < 0 ? BigDecimal.ZERO : value;
  }

  private enum Outcome { FINITE, INFINITE, ZERO }

  /** What a double makes of a non-zero number: the magnitude is compared first, so a huge exponent costs nothing. */
  private static Outcome asDouble(BigDecimal value) {
    BigDecimal magnitude = value.abs();
    if (magnitude.compareTo(TOO_LARGE) >= 0) {
      return Outcome.INFINITE;
    }
    return magnitude.compareTo(TOO_SMALL) <= 0 ? Outcome.ZERO : Outcome.FINITE;
  }

  /** The length of {@code value.toPlainString()}, worked out without building it. */
  static long plainLength(BigDecimal value) {
    long scale = value.scale();
    long sign = value.signum() < 0 ? 1 : 0;
    if (value.signum() == 0) {
      return scale <= 0 ? 1 : scale + 2;
    }
    long digits = value.precision();
    if (scale <= 0) {
      return sign + digits - scale;
    }
    return sign + (digits > scale ? digits + 1 : scale + 2);
  }
}
