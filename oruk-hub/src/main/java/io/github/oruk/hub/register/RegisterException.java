package io.github.oruk.hub.register;

/** A register that cannot be used: the message names the file, the entry and the field, and what was expected. */
public final class RegisterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public RegisterException(String message) {
    super(message);
  }
}
