package io.github.oruk.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A vocabulary whose term references the {@link TermNormalizer} understands: its CURIE prefix, the
 * pattern of its term URIs, the other names feeds give it, and what its identifiers look like.
 *
 * @param prefix the canonical CURIE prefix, such as {@code esdServiceType}
 * @param label a name for people
 * @param uriTemplate the canonical term URI with {@code {id}} where the identifier goes, such as
 *     {@code http://id.esd.org.uk/service/{id}}
 * @param idSyntax what a valid identifier looks like
 * @param aliases other vocabulary names and prefixes meaning this vocabulary ({@code esdServiceTypes},
 *     {@code LGA services}, ...); compared ignoring case, spacing and a plural {@code s}
 * @param alternativeTemplates other spellings of the term URI that mean the same term (the {@code http}
 *     form of an {@code https} namespace, ...); read, never written
 * @param listUris URIs of the lists (schemes) drawing on this vocabulary, which feeds also use as
 *     vocabulary names
 * @param minted whether {@code uriTemplate} was made up by this project because the publisher has no
 *     term URIs (the URIs are then stable, but only this library knows them)
 */
public record Vocabulary(String prefix, String label, String uriTemplate, IdSyntax idSyntax, Set<String> aliases,
    List<String> alternativeTemplates, List<String> listUris, boolean minted) {

  private static final String ID = "{id}";

  public Vocabulary {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(uriTemplate, "uriTemplate");
    Objects.requireNonNull(idSyntax, "idSyntax");
    if (prefix.isBlank() || prefix.contains(":")) {
      throw new IllegalArgumentException("a CURIE prefix must be a non-blank word without ':'; got '" + prefix + "'");
    }
    requireTemplate(uriTemplate);
    aliases = Set.copyOf(aliases);
    alternativeTemplates = List.copyOf(alternativeTemplates);
    alternativeTemplates.forEach(Vocabulary::requireTemplate);
    listUris = List.copyOf(listUris);
  }

  /** A vocabulary with no aliases, alternative URI forms or lists (add them with the {@code with...} methods). */
  public static Vocabulary of(String prefix, String label, String uriTemplate, IdSyntax idSyntax) {
    return new Vocabulary(prefix, label, uriTemplate, idSyntax, Set.of(), List.of(), List.of(), false);
  }

  /** This vocabulary with more aliases. */
  public Vocabulary withAliases(String... more) {
    Set<String> all = new java.util.LinkedHashSet<>(aliases);
    all.addAll(List.of(more));
    return new Vocabulary(prefix, label, uriTemplate, idSyntax, all, alternativeTemplates, listUris, minted);
  }

  /** This vocabulary with more alternative URI templates. */
  public Vocabulary withAlternativeTemplates(String... more) {
    List<String> all = new ArrayList<>(alternativeTemplates);
    all.addAll(List.of(more));
    return new Vocabulary(prefix, label, uriTemplate, idSyntax, aliases, all, listUris, minted);
  }

  /** This vocabulary with more list URIs. */
  public Vocabulary withListUris(String... more) {
    List<String> all = new ArrayList<>(listUris);
    all.addAll(List.of(more));
    return new Vocabulary(prefix, label, uriTemplate, idSyntax, aliases, alternativeTemplates, all, minted);
  }

  /** This vocabulary marked as having URIs minted by this project. */
  public Vocabulary asMinted() {
    return new Vocabulary(prefix, label, uriTemplate, idSyntax, aliases, alternativeTemplates, listUris, true);
  }

  /** The canonical URI of the term with this identifier (which should satisfy {@link #idSyntax()}). */
  public String uri(String id) {
    String canonical = idSyntax.canonical(id);
    int at = uriTemplate.indexOf(ID);
    return uriTemplate.substring(0, at) + canonical + uriTemplate.substring(at + ID.length());
  }

  /** The CURIE of the term with this identifier: {@code esdServiceType:833}. */
  public String curie(String id) {
    return prefix + ":" + idSyntax.canonical(id);
  }

  /**
   * The identifier inside a term URI, if the URI is in this vocabulary's canonical or an alternative form
   * (the scheme and host compared ignoring case). The identifier is not checked against the syntax.
   */
  public Optional<String> idOf(String uri) {
    String id = match(uriTemplate, uri);
    for (int i = 0; id == null && i < alternativeTemplates.size(); i++) {
      id = match(alternativeTemplates.get(i), uri);
    }
    return Optional.ofNullable(id);
  }

  /** Every name this vocabulary answers to: the prefix, the label and the aliases. */
  public List<String> names() {
    List<String> names = new ArrayList<>(2 + aliases.size());
    names.add(prefix);
    names.add(label);
    names.addAll(aliases);
    return names;
  }

  static @Nullable String match(String template, String uri) {
    int at = template.indexOf(ID);
    int suffixLength = template.length() - at - ID.length();
    if (uri.length() <= at + suffixLength) {
      return null;
    }
    if (!uri.regionMatches(true, 0, template, 0, at)) {
      return null;
    }
    if (suffixLength > 0 && !uri.regionMatches(uri.length() - suffixLength, template, at + ID.length(), suffixLength)) {
      return null;
    }
    String id = uri.substring(at, uri.length() - suffixLength);
    if (id.endsWith("/")) {
      id = id.substring(0, id.length() - 1);
    }
    return id.isEmpty() ? null : id;
  }

  private static void requireTemplate(String template) {
    int at = template.indexOf(ID);
    if (at <= 0 || template.indexOf(ID, at + 1) >= 0) {
      throw new IllegalArgumentException("a URI template needs exactly one {id} after the namespace; got '"
          + template + "'");
    }
  }

  /** What the identifiers of a vocabulary look like. */
  public enum IdSyntax {
    /** Decimal digits only: the LGA lists, Open Eligibility, SNOMED CT. */
    DIGITS {
      @Override
      public boolean accepts(String id) {
        if (id.isEmpty() || id.length() > 32) {
          return false;
        }
        for (int i = 0; i < id.length(); i++) {
          char c = id.charAt(i);
          if (c < '0' || c > '9') {
            return false;
          }
        }
        return true;
      }
    },
    /** A UUID in any letter case; written in lower case. */
    UUID {
      @Override
      public boolean accepts(String id) {
        if (id.length() != 36) {
          return false;
        }
        for (int i = 0; i < 36; i++) {
          char c = id.charAt(i);
          boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
          if (dash ? c != '-' : !isHex(c)) {
            return false;
          }
        }
        return true;
      }

      @Override
      public String canonical(String id) {
        return id.toLowerCase(Locale.ROOT);
      }
    },
    /** Letters, digits, {@code _}, {@code -} and {@code .}: the LGA circumstance ids such as {@code Gender_Female}. */
    TOKEN {
      @Override
      public boolean accepts(String id) {
        if (id.isEmpty() || id.length() > 200) {
          return false;
        }
        for (int i = 0; i < id.length(); i++) {
          char c = id.charAt(i);
          if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
              || c == '.')) {
            return false;
          }
        }
        return true;
      }
    },
    /** Anything without spaces. */
    ANY {
      @Override
      public boolean accepts(String id) {
        if (id.isEmpty()) {
          return false;
        }
        for (int i = 0; i < id.length(); i++) {
          if (Character.isWhitespace(id.charAt(i))) {
            return false;
          }
        }
        return true;
      }
    };

    /** Whether this is a well-formed identifier. */
    public abstract boolean accepts(String id);

    /** The identifier as canonical URIs carry it. */
    public String canonical(String id) {
      return id;
    }

    private static boolean isHex(char c) {
      return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
  }
}
