package io.github.oruk.validation.quality;

import static io.github.oruk.validation.Category.CONSUMER_NOTE;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oruk.model.json.Markup;
import io.github.oruk.model.json.OrukJson;
import io.github.oruk.validation.rule.RecordContext;
import io.github.oruk.validation.rule.RecordRule;
import io.github.oruk.validation.rule.Reporter;
import io.github.oruk.validation.rule.RuleInfo;
import java.util.Set;

/**
 * ORUK-HTML-001: HTML in a plain-text property. Consumers display it literally or have to strip it; only
 * an organization's description and a service area's extent may hold markup.
 */
public final class HtmlRule implements RecordRule {

  static final RuleInfo INFO = RuleInfo.registered("ORUK-HTML-001", CONSUMER_NOTE, Set.of());

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RecordContext record, Reporter report) {
    for (String name : TextFields.plain(record.type())) {
      JsonNode value = record.json().get(name);
      // Text the reader saw to hold no '<' or '&' holds no HTML: not searched again.
      String text = value == null || !value.isTextual() || OrukJson.readWithoutMarkup(value) ? null : value.asText();
      String markup = text == null ? null : Markup.find(text);
      if (markup != null) {
        report.add(INFO, record.pointer(name), "'" + name + "' is plain text but contains HTML (" + markup + ").", text);
      }
    }
  }
}
