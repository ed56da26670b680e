package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Likely personal data in an open feed: an e-mail address at a personal mail provider (ORUK-PII-001) or a
 * UK mobile number (ORUK-PII-002). Looked for in the e-mail properties, in every free-text property
 * (descriptions, notes, names, titles; organization descriptions with their markup too) and in every value
 * kept as an extension, however deeply nested: ORUK 3.0 gives contacts no e-mail or phones, so feeds carry
 * them as extensions, and that is where people's own details end up. Each finding points at the exact value.
 *
 * <p>Warnings, because some are legitimate (a volunteer-run group with only a Gmail address), but open data
 * must not carry personal data without consent. Organisations' own numbers are not mobiles: landlines,
 * 0800/0808 freephone, 03 and 0345 lines, 111 and 116 123 are left alone, as are role addresses at an
 * organisation's own domain. Being warnings, they never decide whether a feed passes, in any profile.
 */
public final class PersonalDataRule implements RecordRule {

  static final RuleInfo EMAIL = RuleInfo.registered("ORUK-PII-001", DATA_QUALITY, Set.of());
  static final RuleInfo MOBILE = RuleInfo.registered("ORUK-PII-002", DATA_QUALITY, Set.of());

  private static final Set<String> PERSONAL_DOMAINS = Set.of("gmail.com", "googlemail.com", "hotmail.com",
      "hotmail.co.uk", "outlook.com", "live.com", "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com",
      "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk", "btinternet.com",
      "btopenworld.com", "talk21.com", "sky.com", "virginmedia.com", "virgin.net", "ntlworld.com", "blueyonder.co.uk",
      "talktalk.net", "tiscali.co.uk", "protonmail.com", "proton.me", "pm.me", "gmx.com", "gmx.co.uk");

  /** An e-mail address; group 1 is its domain. */
  private static final Pattern ADDRESS = Pattern.compile(
      "(?<![\\w.+'-])[\\w.+'-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

  /**
   * A UK mobile number: 07, +44 7, 0044 7 or +44 (0)7, then nine more digits grouped in any way by spaces,
   * dots, hyphens or brackets. Not part of a longer run of digits (a reference number, the decimals of a
   * coordinate), so "0712 3456 7890 12" is not one.
   */
  private static final Pattern UK_MOBILE = Pattern.compile(
      "(?<![\\w+])(?<!\\d[.,])(?:(?:\\+|00)44[\\s.-]?(?:\\(0\\)[\\s.-]?)?|\\(?0)7(?:[\\s.)-]{0,2}\\d){9}"
          + "(?![\\s.-]?\\d)(?!\\w)");

  @Override
  public RuleInfo info() {
    return EMAIL;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(EMAIL, MOBILE);
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    Map<String, Boolean> defined = TextFields.searched(record.type());
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      Boolean searched = defined.get(name); // null: not a property of the standard
      if (searched == null) {
        if (!value.isTextual() || suspicious(value.asText())) {
          extension(name, value, record.pointer(name), report);
        }
      } else if (searched && value.isTextual() && suspicious(value.asText())) {
        text("'" + name + "'", value.asText(), record.pointer(name), report);
      }
    }
  }

  /** Every text value inside a property the standard does not define, each at its own pointer. */
  private static void extension(String name, JsonNode value, String pointer, Reporter report) {
    if (value.isTextual()) {
      text("'" + name + "' (a property outside the standard)", value.asText(), pointer, report);
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        extension(name, value.get(i), pointer + "/" + i, report);
      }
    } else if (value.isObject()) {
      value.fields().forEachRemaining(inner -> extension(inner.getKey(), inner.getValue(),
          pointer + "/" + inner.getKey().replace("~", "~0").replace("/", "~1"), report));
    }
  }

  private static void text(String what, String text, String pointer, Reporter report) {
    Matcher address = mayNamePersonalDomain(text) ? personalAddress(text) : null;
    if (address != null) {
      String domain = address.group(1).toLowerCase(Locale.ROOT);
      report.add(EMAIL, pointer, what + (address.group().equals(text.strip()) ? " is" : " contains")
          + " an address at " + domain + ", a personal mail provider; it may be someone's own.", address.group());
    }
    if (mayHoldMobile(text)) {
      Matcher mobile = UK_MOBILE.matcher(text);
      while (mobile.find()) {
        if (mobileRange(mobile.group())) {
          report.add(MOBILE, pointer, what + " holds a UK mobile number (" + mobile.group() + ").", mobile.group());
          break;
        }
      }
    }
  }

  /** The first address in the text at a personal mail provider (the matcher, on it), or null. */
  static @Nullable Matcher personalAddress(String text) {
    Matcher address = ADDRESS.matcher(text);
    while (address.find()) {
      if (PERSONAL_DOMAINS.contains(address.group(1).toLowerCase(Locale.ROOT))) {
        return address;
      }
    }
    return null;
  }

  /**
   * Whether some {@code @} in the text is followed by a personal mail provider's domain (in any case), which an
   * address {@link #personalAddress} finds needs: its domain is the start of the letters, digits, dots and hyphens
   * after its {@code @}. Most addresses are an organisation's own, and then the pattern does not run.
   * {@code SuspiciousTextTest} holds this to the pattern on random text.
   */
  static boolean mayNamePersonalDomain(String text) {
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int end = at + 1;
      while (end < text.length() && domainChar(text.charAt(end))) {
        end++;
      }
      String run = text.substring(at + 1, end).toLowerCase(Locale.ROOT);
      for (String domain : PERSONAL_DOMAINS) {
        if (run.startsWith(domain)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean domainChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
  }

  /** Mobiles are 071 to 075, 077 to 079 and 07624; 070 (personal numbering) and 076 (pagers) are not. */
  private static boolean mobileRange(String number) {
    String digits = number.replace("(0)", "").replaceAll("\\D", "");
    String national = digits.startsWith("0044") ? "0" + digits.substring(4)
        : digits.startsWith("44") ? "0" + digits.substring(2) : digits;
    return national.matches("07[1-57-9]\\d{8}|07624\\d{6}");
  }

  /**
   * Whether the text could hold either: an address needs an {@code @}; a number ten digits, among them "07" or "44"
   * (every form {@link #UK_MOBILE} matches has one). Most text is neither, and is then passed over without building
   * its pointer or running a pattern. One pass over the text's bytes (a character above U+00FF becomes '?', which
   * is neither); {@code PersonalDataTest} holds it to the searches it replaced on random text.
   */
  static boolean suspicious(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int digits = 0;
    boolean pair = false;
    byte previous = 0;
    for (byte b : bytes) {
      if (b >= '0' && b <= '9') {
        digits++;
        pair |= b == '7' && previous == '0' || b == '4' && previous == '4';
      } else if (b == '@') {
        return true;
      }
      previous = b;
    }
    return pair && digits >= 10;
  }

  /**
   * Whether the text could hold a UK mobile number: every form {@link #UK_MOBILE} matches has "07" or "44" in it
   * (searched for by the JVM's fast string search) and ten digits at least.
   */
  private static boolean mayHoldMobile(String text) {
    return (text.contains("07") || text.contains("44")) && digits(text) >= 10;
  }

  /** How many digits (ASCII, as the patterns' {@code \d}) the text holds, counting no further than ten. */
  private static int digits(String text) {
    int count = 0;
    for (int i = 0; i < text.length() && count < 10; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }
}
