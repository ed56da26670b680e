package io.github.oruk.cli;

import io.github.oruk.server.Throttle;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --throttle RATE[,BURST]} option of {@code serve}: a token bucket per client address, RATE
 * requests a second sustained, BURST at once (by default RATE rounded up, a second's worth).
 *
 * <p>RATE is a plain decimal from 0.001 (one request in about 17 minutes) to 1,000,000, BURST a whole
 * number from 1 to 1,000,000: outside those a bucket either never refills in a client's lifetime or never
 * empties, and exponents, {@code NaN} and {@code Infinity} say nothing a publisher means.
 */
final class ThrottleOption implements ITypeConverter<Throttle> {

  static final String LABEL = "RATE[,BURST]";
  private static final Pattern FORM = Pattern.compile("(\\d{1,7}(?:\\.\\d{1,3})?)(?:,(\\d{1,7}))?");
  private static final BigDecimal MIN_RATE = new BigDecimal("0.001");
  private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000);

  @Override
  public Throttle convert(String value) {
    Matcher form = FORM.matcher(value.strip());
    if (!form.matches()) {
      throw refused(value);
    }
    BigDecimal rate = new BigDecimal(form.group(1));
    int burst = form.group(2) == null ? Math.max(1, (int) Math.ceil(rate.doubleValue()))
        : Integer.parseInt(form.group(2));
    if (rate.compareTo(MIN_RATE) < 0 || rate.compareTo(MAX) > 0 || burst < 1 || burst > MAX.intValue()) {
      throw refused(value);
    }
    return Throttle.perClient(rate.doubleValue(), burst);
  }

  private static TypeConversionException refused(String value) {
    return new TypeConversionException("'" + value + "' is not " + LABEL + ": RATE is requests per second for"
        + " each client address, a number from 0.001 to 1000000 such as 10 or 0.5, and BURST (optional) how many"
        + " requests a client may make at once, a whole number from 1 to 1000000, such as --throttle 10,20");
  }
}
