package io.github.oruk.model.query;

import org.jspecify.annotations.Nullable;

/**
 * A query string that cannot be understood: an unknown or repeated parameter, a parameter the endpoint
 * does not take, or a value of the wrong form. Servers answer it with 400 and this message.
 */
public class InvalidQueryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String parameter;

  /**
   * @param parameter the parameter's name on the wire, or null when the query as a whole is at fault
   * @param message what was expected, what was received and what to do
   */
  public InvalidQueryException(@Nullable String parameter, @Nullable String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter at fault, as written in the query string; null when the whole query is at fault. */
  public @Nullable String parameter() {
    return parameter;
  }
}
