package io.github.oruk.validation.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.format.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tests the compiled checks make in their own code rather than through networknt's. */
class ViolationsTest {

  @Test
  void uuidAcceptsExactlyWhatNetworkntsUuidFormatAccepts() {
    Format networknt = Violations.format("uuid");
    String valid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    List<String> cases = new ArrayList<>(List.of(valid, valid.toUpperCase(java.util.Locale.ROOT), "", valid + "\n",
        valid + " ", " " + valid, valid.replace("-", ""), "{" + valid + "}", valid.substring(1),
        valid.replace('f', 'g'), valid.replace('3', '\u0663'), valid.replace('a', '\uff41'),
        valid.replace("-", "_"), "3fa85f64-5717-4562-b3fc-2c963f66afa6-", "3fa85f645-717-4562-b3fc-2c963f66afa6"));
    // Every single-character change of a valid UUID, with characters around the edges of each class.
    // Characters whose low byte is a hexadecimal digit or the hyphen too (U+0130, U+0161, U+012D, U+FF41).
    String alphabet = "0189aAfFgG-_ /:@`\u0660\uff10\n\u0130\u0161\u012d\uff41\u00e1";
    for (int i = 0; i < valid.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        cases.add(valid.substring(0, i) + c + valid.substring(i + 1));
      }
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 2_000; k++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 36; i++) {
        text.append(random.nextInt(5) == 0 ? '-' : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      cases.add(text.toString());
    }
    int accepted = 0;
    for (String text : cases) {
      boolean expected = networknt.matches(null, text);
      assertEquals(expected, Violations.isUuid(text), "'" + text + "'");
      accepted += expected ? 1 : 0;
    }
    assertTrue(accepted > 100, accepted + " of the cases are UUIDs; the test needs both answers");
  }

  /**
   * The {@code uri} format's shortcut never accepts what networknt refuses, and the format as the checks use it
   * answers as networknt's does: on URIs assembled at random from schemes, hosts, ports, paths, queries and
   * fragments with the characters at the edges of each part's grammar (brackets, percent signs, spaces,
   * non-ASCII, user info, a second '?' or '#').
   */
  @Test
  void uriShortcutAcceptsOnlyWhatNetworkntsUriFormatAccepts() {
    Format networknt = networknt("uri");
    Format used = Violations.format("uri");
    // Each list starts with pieces the shortcut takes, and half the draws come from those, so that both kinds abound.
    String[] schemes = {"https", "http", "h", "a+b-c.d", "HTTPS", "1http", "ht_tp", "", "urn", "mailto", "h\u00e9"};
    String[] joins = {"://", ":", ":/", "//", ":///", "://@", "://user@", "://u:p@"};
    String[] hosts = {"example.org", "www.st-johns.example.org", "a", "-", ".", "a..b", "1.2.3.4", "1.2.3.999",
        "[::1]", "[v1.x]", "ex ample.org", "ex%41mple.org", "exa_mple.org", "h\u00e9.org", "x~y", "", "host:80",
        "host:", "host:x", "a=b", "a&b", "a;b", "a$b"};
    String[] tails = {"", "/", "/services/a-b_c~d.e", "//x", "?q=1&r=2", "#top", "/p?q=1#f", "?", "#", "/a b",
        "/a%20b", "/a%2", "/\u00e9", "/a[b]", "/a[b", "/a]b", "?q=[", "#f]", "/a|b", "/a%", "/a:b", "/a@b", "?q=[1]", "?q=]", "?a?b", "#a#b", "/p#f?q", "/a\\b", "/a\"b",
        "/a^b", "/a`b", "/a{b}", "/a<b>", "/\u007f", "/a'b(c)*!,;:@$+"};
    int[] plain = {5, 1, 8, 9};
    SplittableRandom random = new SplittableRandom(11);
    List<String> cases = new ArrayList<>(List.of("", " ", "https://example.org ", " https://example.org",
        "https://example.org\n", "https://", "https:", "//example.org/x", "/relative", "example.org"));
    String[][] parts = {schemes, joins, hosts, tails};
    for (int k = 0; k < 20_000; k++) {
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < parts.length; p++) {
        for (int t = p < 3 ? 1 : random.nextInt(3); t > 0; t--) {
          String[] choices = parts[p];
          text.append(choices[random.nextInt(random.nextBoolean() ? plain[p] : choices.length)]);
        }
      }
      cases.add(text.toString());
    }
    int shortcut = 0;
    int accepted = 0;
    int refused = 0;
    for (String text : cases) {
      boolean expected = networknt.matches(null, text);
      if (Violations.plainAbsoluteUri(text)) {
        assertTrue(expected, "the shortcut accepted '" + text + "', which networknt refuses");
        shortcut++;
      }
      assertEquals(expected, used.matches(null, text), "'" + text + "'");
      accepted += expected ? 1 : 0;
      refused += expected ? 0 : 1;
    }
    assertTrue(shortcut > 1_000 && accepted > shortcut && refused > 1_000, shortcut + " taken by the shortcut, "
        + accepted + " accepted, " + refused + " refused: the test needs many of each");
    assertTrue(Violations.plainAbsoluteUri("https://www.example.org/services/norwich-walking-group"));
  }

  /**
   * The {@code email} format as the checks use it (networknt's, asked once per domain for plain local parts) answers
   * as networknt's does, on addresses assembled at random from local parts and domains at the edges of what each
   * accepts (quoted, dotted, long, non-ASCII, control characters; unknown and local top-level domains, IP literals,
   * trailing dots, spaces, a second {@code @}), each domain asked about many times and in either order.
   */
  @Test
  void emailAnswersAsNetworkntsEmailFormatDoesWithDomainsRemembered() {
    Format networknt = networknt("email");
    Format used = Violations.format("email");
    // Each list starts with pieces the shortcut takes, and half the draws come from those.
    String[] locals = {"info", "first.last", "a_b+c-d", "A1", "x".repeat(64), "x".repeat(65), ".info", "info.",
        "a..b", "\"quoted\"", "a b", "caf\u00e9", "o'brien", "a\tb", "", "a(b)", "a,b", "[a]", "a\\b", "#!$%&*/=?^`{|}~"};
    String[] domains = {"example.org", "st-johns.example.org", "example.co.uk", "localhost", "example.invalidtld",
        "example", "example.org.", "-example.org", "exa_mple.org", "example..org", "[127.0.0.1]", "[IPv6:::1]",
        "[300.1.1.1]", "127.0.0.1", "ex ample.org", "example.org ", "b\u00fccher.de", "EXAMPLE.ORG", "a@b.org", "",
        "x.".repeat(40) + "org", "xn--bcher-kva.de"};
    int[] plain = {5, 4};
    SplittableRandom random = new SplittableRandom(13);
    List<String> cases = new ArrayList<>(List.of("", "@", "info@", "@example.org", "info@example.org\n", "a@b@c.org"));
    for (int k = 0; k < 20_000; k++) {
      String local = locals[random.nextInt(random.nextBoolean() ? plain[0] : locals.length)];
      String domain = domains[random.nextInt(random.nextBoolean() ? plain[1] : domains.length)];
      cases.add(local + "@" + domain);
    }
    int shortcut = 0;
    int accepted = 0;
    for (String text : cases) {
      boolean expected = networknt.matches(null, text);
      assertEquals(expected, used.matches(null, text), "'" + text + "'");
      int at = text.indexOf('@');
      shortcut += at >= 0 && Violations.plainLocalPart(text, at) ? 1 : 0;
      accepted += expected ? 1 : 0;
    }
    assertTrue(shortcut > 5_000 && accepted > 5_000 && cases.size() - accepted > 5_000, shortcut
        + " with a plain local part, " + accepted + " accepted of " + cases.size() + ": the test needs many of each");
  }

  /** networknt's own format of that name, without the checks' shortcuts. */
  private static Format networknt(String name) {
    return com.networknt.schema.format.Formats.DEFAULT.stream().filter(format -> format.getName().equals(name))
        .findFirst().orElseThrow();
  }
}
