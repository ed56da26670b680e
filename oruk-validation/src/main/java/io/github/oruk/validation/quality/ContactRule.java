package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;

import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Contact details nobody can use: placeholder e-mail addresses (ORUK-CONTACT-001), web addresses that
 * point nowhere public (ORUK-CONTACT-002) and telephone numbers that are not dialable (ORUK-CONTACT-003).
 * The example domains (example.org, ...) are reserved for documentation and test data, so an address there
 * is not reported for its domain alone; {@code email@example.com} still is, for its local part.
 */
public final class ContactRule implements RecordRule {

  static final RuleInfo EMAIL = RuleInfo.registered("ORUK-CONTACT-001", DATA_QUALITY, Set.of());
  static final RuleInfo URL = RuleInfo.registered("ORUK-CONTACT-002", DATA_QUALITY, Set.of());
  static final RuleInfo PHONE = RuleInfo.registered("ORUK-CONTACT-003", DATA_QUALITY, Set.of());

  private static final Set<String> PLACEHOLDER_LOCALS = Set.of("noemail", "no-email", "no.email", "none", "unknown",
      "test", "na", "n/a", "nobody", "email", "changeme", "placeholder");
  private static final Set<String> PLACEHOLDER_TLDS = Set.of("invalid", "test", "localhost", "local");
  private static final Pattern PRIVATE_HOST = Pattern.compile(
      "(localhost|127\\.\\d+\\.\\d+\\.\\d+|10\\.\\d+\\.\\d+\\.\\d+|192\\.168\\.\\d+\\.\\d+|[^/]*\\.local|[^/]*\\.internal)(:\\d+)?");

  @Override
  public RuleInfo info() {
    return EMAIL;
  }

  @Override
  public List<RuleInfo> infos() {
    return List.of(EMAIL, URL, PHONE);
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (String name : TextFields.email(record.type())) {
      String email = record.text(name);
      if (email != null && placeholder(email)) {
        report.add(EMAIL, record.pointer(name), "'" + name + "' (" + email + ") looks like a placeholder, not an"
            + " address anyone reads.", email);
      }
    }
    for (String name : TextFields.url(record.type())) {
      String url = record.text(name);
      String problem = url == null ? null : urlProblem(url);
      if (problem != null) {
        report.add(URL, record.pointer(name), "'" + name + "' " + problem, url);
      }
    }
    if (record.type() == RecordType.PHONE) {
      String number = record.text("number");
      if (number != null && !dialable(number)) {
        report.add(PHONE, record.pointer("number"), "'" + number + "' is not a complete UK or international number.",
            number);
      }
    }
  }

  static boolean placeholder(String email) {
    String lower = email.strip().toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf('@');
    if (at <= 0) {
      return false;
    }
    String local = lower.substring(0, at);
    String domain = lower.substring(at + 1);
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    return PLACEHOLDER_LOCALS.contains(local) || local.startsWith("noemail") || domain.startsWith("noemail")
        || PLACEHOLDER_TLDS.contains(tld);
  }

  private static @Nullable String urlProblem(String url) {
    String trimmed = url.strip();
    if (hasWhitespace(trimmed)) {
      return "contains spaces, so it is not one address: " + trimmed + ".";
    }
    int scheme = trimmed.indexOf("://");
    if (scheme < 0) {
      return "has no scheme; consumers cannot tell it is a web address (write https://" + trimmed + ").";
    }
    int end = scheme + 3;
    while (end < trimmed.length() && "/?#".indexOf(trimmed.charAt(end)) < 0) {
      end++;
    }
    String host = trimmed.substring(scheme + 3, end).toLowerCase(Locale.ROOT);
    if (maybePrivate(host) && PRIVATE_HOST.matcher(host).matches()) {
      return "points at " + host + ", which only works inside the publisher's own network.";
    }
    return null;
  }

  private static boolean hasWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Printable ASCII, nearly every character of a URL, is never white space: no need to ask.
      if ((c <= ' ' || c >= 0x7F) && Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  /** What every host {@link #PRIVATE_HOST} matches has, so the pattern runs only on the few that might. */
  private static boolean maybePrivate(String host) {
    return host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("10.")
        || host.startsWith("192.168.") || host.contains(".local") || host.contains(".internal");
  }

  static boolean dialable(String number) {
    String digits = number.replaceAll("[\\s().-]", "");
    if (digits.startsWith("+44")) {
      return digits.substring(3).matches("[1-9]\\d{8,9}");
    }
    if (digits.startsWith("+") || digits.startsWith("00")) {
      return digits.replaceFirst("^(\\+|00)", "").matches("\\d{7,15}");
    }
    return digits.matches("0[1-9]\\d{8,9}") || digits.matches("1\\d{2,5}");
  }
}
