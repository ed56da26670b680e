package io.github.oruk.validation;

import io.github.oruk.model.diagnostic.Diagnostic;
import io.github.oruk.model.diagnostic.Severity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a validation found.
 *
 * @param code the rule's stable code, such as {@code ORUK-PAGE-003}
 * @param severity how much it matters, after the profile has had its say
 * @param category what it is about
 * @param message what was expected, what was seen, and how to fix it
 * @param url the endpoint URL (or file) where it was seen; may be empty
 * @param pointer JSON Pointer into that response or document; empty for the whole of it
 * @param recordId id of the top-level record concerned, when there is one; may be empty
 * @param observed the value seen, cut to {@value #OBSERVED_LIMIT} characters; may be empty
 * @param fix how to put it right (the rule's advice); may be empty
 */
public record Finding(String code, Severity severity, Category category, String message, String url,
    String pointer, String recordId, @Nullable String observed, String fix) {

  /**
   * Longest observed value kept, in characters (then an ellipsis): enough for any id, date, age or coordinate, and
   * short enough that a report stays readable whatever a feed sends.
   */
  public static final int OBSERVED_LIMIT = 40;

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(message, "message");
    url = url == null ? "" : url;
    pointer = pointer == null ? "" : pointer;
    recordId = recordId == null ? "" : recordId;
    observed = shorten(observed);
    fix = fix == null ? "" : fix;
  }

  /** The same finding with another severity (profiles use this). */
  public Finding withSeverity(Severity other) {
    return new Finding(code, other, category, message, url, pointer, recordId, observed, fix);
  }

  /**
   * The finding as the project's one diagnostic type: its pointer is where, {@code url#pointer} (either part
   * may be empty, and the {@code #} goes when the pointer is empty); its severity is this finding's, after the
   * profile.
   */
  public Diagnostic diagnostic() {
    String where = url + (pointer.isEmpty() ? "" : "#" + pointer);
    return new Diagnostic(code, severity, where, message, fix);
  }

  /**
   * The finding as one line, {@code CODE<TAB>where<TAB>message} ({@link Diagnostic#toLine()}), like every
   * other finding of the project: tabs and line breaks inside a field become spaces, so one finding is always
   * one line that {@code cut -f} can split.
   */
  public String toLine() {
    return diagnostic().toLine();
  }

  static String shorten(@Nullable String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= OBSERVED_LIMIT) {
      return text;
    }
    int end = OBSERVED_LIMIT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never half a character
    }
    return text.substring(0, end) + "…";
  }
}
