package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.DATA_QUALITY;
import static io.github.oruk.validation.Severity.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.RecordType;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Likely personal data in an open feed: an e-mail address at a personal mail provider (ORUK-PII-001)
 * or a UK mobile number in contact details (ORUK-PII-002). Warnings, because some are legitimate (a
 * volunteer-run group with only a Gmail address) — but open data must not carry personal data without
 * consent.
 */
public final class PersonalDataRule implements RecordRule {

  static final RuleInfo EMAIL = new RuleInfo("ORUK-PII-001", "Personal e-mail address", DATA_QUALITY, WARNING,
      Set.of(), "Publish a role address (such as enquiries@...) rather than a person's own, or confirm consent.");
  static final RuleInfo MOBILE = new RuleInfo("ORUK-PII-002", "Mobile number in contact details", DATA_QUALITY,
      WARNING, Set.of(RecordType.CONTACT, RecordType.PHONE),
      "Publish a service or office number, or confirm the person agreed to their mobile number being open data.");

  private static final Set<String> PERSONAL_DOMAINS = Set.of("gmail.com", "googlemail.com", "hotmail.com",
      "hotmail.co.uk", "outlook.com", "live.com", "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com",
      "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk", "btinternet.com", "sky.com", "virginmedia.com",
      "talktalk.net", "ntlworld.com", "blueyonder.co.uk", "protonmail.com", "proton.me", "gmx.com", "gmx.co.uk");
  private static final Pattern UK_MOBILE = Pattern.compile("(?<![\\d+])(?:\\+44\\s?7|07)\\d{3}[\\s-]?\\d{3}[\\s-]?\\d{3}(?!\\d)");

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
    for (String name : TextFields.email(record.type())) {
      String email = record.text(name);
      if (email != null) {
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        if (PERSONAL_DOMAINS.contains(domain)) {
          report.add(EMAIL, record.pointer(name), "'" + name + "' is at " + domain + ", a personal mail provider;"
              + " it may be someone's own address.", email);
        }
      }
    }
    if (record.type() == RecordType.CONTACT || record.type() == RecordType.PHONE) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = record.json().fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isTextual()) {
          Matcher mobile = UK_MOBILE.matcher(field.getValue().asText());
          if (mobile.find()) {
            report.add(MOBILE, record.pointer(field.getKey()), "'" + field.getKey() + "' holds a UK mobile number ("
                + mobile.group() + ").", mobile.group());
          }
        }
      }
    }
  }
}
