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
    String alphabet = "0189aAfFgG-_ /:@`\u0660\uff10\n";
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
}
