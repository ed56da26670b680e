package io.github.oruk.taxonomy.crosswalk;

import io.github.oruk.taxonomy.Labels;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How closely a concept in one scheme corresponds to a concept in another: the SKOS mapping properties.
 * {@code A BROAD B} means B is broader than A ({@code skos:broadMatch}).
 *
 * <p>Each type has a strength used to rank counterparts and to combine steps of a transitive resolution
 * (the strengths of the steps multiply). The values are this library's choice, not part of SKOS.
 */
public enum MatchType {
  /** The same meaning ({@code skos:exactMatch}); strength 1.0. */
  EXACT(1.0),
  /** Close enough to use one for the other in most applications ({@code skos:closeMatch}); strength 0.9. */
  CLOSE(0.9),
  /** The target is broader ({@code skos:broadMatch}); strength 0.7. */
  BROAD(0.7),
  /** The target is narrower ({@code skos:narrowMatch}); strength 0.7. */
  NARROW(0.7),
  /**
   * Associated without being equivalent ({@code skos:relatedMatch}); also what a fan-out table such as the
   * LGA's needs to service types mapping is; strength 0.5.
   */
  RELATED(0.5);

  private final double strength;

  MatchType(double strength) {
    this.strength = strength;
  }

  public double strength() {
    return strength;
  }

  /** The type of the same mapping read backwards: broad and narrow swap, the others stay. */
  public MatchType inverse() {
    switch (this) {
      case BROAD:
        return NARROW;
      case NARROW:
        return BROAD;
      default:
        return this;
    }
  }

  /**
   * The type of a path made of this step followed by {@code next}: exact steps change nothing, close
   * steps keep the other type, two steps in the same direction keep it, and anything else (broad then
   * narrow, a related step) is only related.
   */
  public MatchType then(MatchType next) {
    if (this == EXACT) {
      return next;
    }
    if (next == EXACT) {
      return this;
    }
    if (this == RELATED || next == RELATED) {
      return RELATED;
    }
    if (this == CLOSE) {
      return next;
    }
    if (next == CLOSE || next == this) {
      return this;
    }
    return RELATED;
  }

  /**
   * Reads a match type as mapping tables write it: {@code exact}, {@code exactMatch},
   * {@code skos:exactMatch}, a full SKOS IRI, or the symbols {@code =}, {@code ~}, {@code <} (the target is
   * broader), {@code >} (the target is narrower); case does not matter.
   */
  public static Optional<MatchType> parse(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.strip();
    switch (value) {
      case "=":
      case "==":
        return Optional.of(EXACT);
      case "~":
      case "≈":
        return Optional.of(CLOSE);
      case "<":
        return Optional.of(BROAD);
      case ">":
        return Optional.of(NARROW);
      default:
        break;
    }
    int cut = Math.max(value.lastIndexOf('#'), Math.max(value.lastIndexOf('/'), value.lastIndexOf(':')));
    String key = Labels.key(value.substring(cut + 1)).replace(" ", "");
    if (key.endsWith("match")) {
      key = key.substring(0, key.length() - 5);
    }
    switch (key) {
      case "exact":
      case "same":
      case "equivalent":
        return Optional.of(EXACT);
      case "close":
        return Optional.of(CLOSE);
      case "broad":
      case "broader":
        return Optional.of(BROAD);
      case "narrow":
      case "narrower":
        return Optional.of(NARROW);
      case "related":
      case "mapped":
        return Optional.of(RELATED);
      default:
        return Optional.empty();
    }
  }
}
