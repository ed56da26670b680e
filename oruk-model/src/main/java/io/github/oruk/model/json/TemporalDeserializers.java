package io.github.oruk.model.json;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lenient readers for dates ({@code format: date}), date-times ({@code format: date-time}) and times of day.
 * Standard forms are read silently; forms that can be interpreted safely are read and reported; anything
 * else is kept aside as an extension.
 */
final class TemporalDeserializers {

  /** UK feeds that omit an offset mean UK wall-clock time. */
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final Pattern RFC3339_DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern LOOSE_TIME_OF_DAY = Pattern.compile("\\d{1,2}[:.]\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern TIME_WITH_OFFSET = Pattern.compile(
      "\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:?\\d{2})");

  /** Date, then 'T' or a space, then a time with optional seconds and fraction, then an optional offset. */
  private static final DateTimeFormatter LOOSE_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private TemporalDeserializers() {
  }

  private static String show(OffsetDateTime value) {
    return CanonicalSerializers.format(value);
  }

  /** {@code format: date-time}. */
  static final class DateTime extends StdScalarDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;
    static final DateTime INSTANCE = new DateTime();

    private DateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public @Nullable OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        OffsetDateTime exact = IsoText.dateTime(p.getText());
        if (exact != null) {
          return exact;
        }
        String text = p.getText().strip();
        try {
          if (RFC3339_DATE_TIME.matcher(text).matches()) {
            return OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT));
          }
          if (ISO_DATE.matcher(text).matches()) {
            OffsetDateTime value = LocalDate.parse(text).atStartOfDay(LONDON).toOffsetDateTime();
            ReadContext.of(ctxt).report(ReadCode.LOCAL_DATE_TIME, p,
                "expected a date-time with a UTC offset, found the date \"" + text + "\"; read as midnight"
                    + " UK time, " + show(value) + ".");
            return value;
          }
          TemporalAccessor parsed = LOOSE_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
          if (parsed instanceof OffsetDateTime value) {
            ReadContext.of(ctxt).report(ReadCode.NONSTANDARD_DATE_FORM, p,
                "expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found \"" + ReadContext.quote(text)
                    + "\"; read as " + show(value) + ".");
            return value;
          }
          if (parsed instanceof LocalDateTime local) {
            OffsetDateTime value = local.atZone(LONDON).toOffsetDateTime();
            ReadContext.of(ctxt).report(ReadCode.LOCAL_DATE_TIME, p,
                "expected a date-time with a UTC offset (Z or +01:00), found \"" + ReadContext.quote(text)
                    + "\"; read as UK time, " + show(value) + ".");
            return value;
          }
        } catch (DateTimeException e) {
          // fall through: kept aside below
        }
      }
      ReadContext.of(ctxt).park(p, ctxt, "a date-time such as 2024-05-01T09:30:00Z");
      return null;
    }

    @Override
    public @Nullable OffsetDateTime getNullValue(DeserializationContext ctxt) {
      Nulls.report(ctxt);
      return null;
    }
  }

  /** {@code format: date}. */
  static final class Date extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;
    static final Date INSTANCE = new Date();

    private Date() {
      super(LocalDate.class);
    }

    @Override
    public @Nullable LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        LocalDate exact = IsoText.date(p.getText());
        if (exact != null) {
          return exact;
        }
        String text = p.getText().strip();
        try {
          if (ISO_DATE.matcher(text).matches()) {
            LocalDate value = LocalDate.parse(text);
            if (text.equals(p.getText())) {
              return value;
            }
            ReadContext.of(ctxt).report(ReadCode.NONSTANDARD_DATE_FORM, p,
                "found spaces around the date \"" + p.getText() + "\"; read as " + value + ".");
            return value;
          }
          var uk = UK_DATE.matcher(text);
          if (uk.matches()) {
            LocalDate value = LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                Integer.parseInt(uk.group(1)));
            ReadContext.of(ctxt).report(ReadCode.NONSTANDARD_DATE_FORM, p,
                "expected a date as YYYY-MM-DD, found \"" + text + "\"; read as a UK day/month/year date, " + value + ".");
            return value;
          }
          TemporalAccessor parsed = LOOSE_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
          LocalDate value = parsed instanceof OffsetDateTime offset
              ? offset.atZoneSameInstant(LONDON).toLocalDate()
              : LocalDateTime.from(parsed).toLocalDate();
          ReadContext.of(ctxt).report(ReadCode.DATE_WITH_TIME, p,
              "expected a date as YYYY-MM-DD, found the date-time \"" + ReadContext.quote(text)
                  + "\"; kept the UK date, " + value + ".");
          return value;
        } catch (DateTimeException e) {
          // fall through: kept aside below
        }
      }
      ReadContext.of(ctxt).park(p, ctxt, "a date as YYYY-MM-DD");
      return null;
    }

    @Override
    public @Nullable LocalDate getNullValue(DeserializationContext ctxt) {
      Nulls.report(ctxt);
      return null;
    }
  }

  /** Times of day ({@code opens_at}, {@code closes_at}). */
  static final class TimeOfDay extends StdScalarDeserializer<LocalTime> {
    private static final long serialVersionUID = 1L;
    static final TimeOfDay INSTANCE = new TimeOfDay();

    private TimeOfDay() {
      super(LocalTime.class);
    }

    @Override
    public @Nullable LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String raw = p.getText();
        LocalTime exact = IsoText.time(raw);
        if (exact != null) {
          return exact;
        }
        String text = raw.strip();
        try {
          if (TIME_OF_DAY.matcher(text).matches() && text.equals(raw)) {
            return LocalTime.parse(text);
          }
          if (LOOSE_TIME_OF_DAY.matcher(text).matches()) {
            String standard = (text.indexOf(':') == 1 || text.indexOf('.') == 1 ? "0" + text : text)
                .replaceFirst("^(\\d{2})\\.", "$1:");
            LocalTime value = LocalTime.parse(standard);
            ReadContext.of(ctxt).report(ReadCode.NONSTANDARD_DATE_FORM, p,
                "expected a time of day as HH:MM or HH:MM:SS, found \"" + raw + "\"; read as " + value + ".");
            return value;
          }
          if (TIME_WITH_OFFSET.matcher(text).matches()) {
            ReadContext.of(ctxt).park(p, ctxt, "a UK time of day without a UTC offset (the offset of \""
                + text + "\" depends on the date, which a schedule's times do not carry)");
            return null;
          }
        } catch (DateTimeException e) {
          // fall through: kept aside below
        }
      }
      ReadContext.of(ctxt).park(p, ctxt, "a time of day as HH:MM or HH:MM:SS");
      return null;
    }

    @Override
    public @Nullable LocalTime getNullValue(DeserializationContext ctxt) {
      Nulls.report(ctxt);
      return null;
    }
  }
}
