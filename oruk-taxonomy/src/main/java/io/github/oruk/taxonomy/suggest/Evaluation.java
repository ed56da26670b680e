package io.github.oruk.taxonomy.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Measures a {@link TypeSuggester} on labelled examples: how often the first suggestion is right (top-1)
 * and how often a right one is among the first three (top-3). Use it to check a scheme, weights or a
 * local vocabulary on descriptions from your own directory.
 */
public final class Evaluation {

  private Evaluation() {
  }

  /**
   * A service description with the concepts a person judged right for it.
   *
   * @param name the service's name (may be empty)
   * @param description its description
   * @param expected canonical URIs of every acceptable concept (at least one)
   */
  public record Example(String name, String description, Set<String> expected) {
    public Example {
      name = name == null ? "" : name;
      description = description == null ? "" : description;
      expected = Set.copyOf(expected);
      if (expected.isEmpty()) {
        throw new IllegalArgumentException("an example needs at least one expected concept: " + name);
      }
    }
  }

  /**
   * An example whose right answer was not in the first three.
   *
   * @param example the example
   * @param suggested the URIs of the first three suggestions
   */
  public record Miss(Example example, List<String> suggested) {
  }

  /**
   * The result of an evaluation.
   *
   * @param examples how many examples
   * @param top1 how many had a right first suggestion
   * @param top3 how many had a right one in the first three
   * @param misses the examples with no right answer in the first three
   */
  public record Accuracy(int examples, int top1, int top3, List<Miss> misses) {
    public Accuracy {
      misses = List.copyOf(misses);
    }

    public double top1Rate() {
      return examples == 0 ? 0 : (double) top1 / examples;
    }

    public double top3Rate() {
      return examples == 0 ? 0 : (double) top3 / examples;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "top-1 %d/%d (%.2f), top-3 %d/%d (%.2f)", top1, examples,
          top1Rate(), top3, examples, top3Rate());
    }
  }

  /** Runs the suggester on every example. */
  public static Accuracy evaluate(TypeSuggester suggester, List<Example> examples) {
    Objects.requireNonNull(suggester, "suggester");
    int top1 = 0;
    int top3 = 0;
    List<Miss> misses = new ArrayList<>();
    for (Example example : examples) {
      List<Suggestion> suggestions = suggester.suggest(example.name(), example.description(), 3);
      List<String> uris = new ArrayList<>(suggestions.size());
      suggestions.forEach(suggestion -> uris.add(suggestion.concept().uri()));
      if (!uris.isEmpty() && example.expected().contains(uris.get(0))) {
        top1++;
      }
      if (uris.stream().anyMatch(example.expected()::contains)) {
        top3++;
      } else {
        misses.add(new Miss(example, uris));
      }
    }
    return new Accuracy(examples.size(), top1, top3, misses);
  }
}
