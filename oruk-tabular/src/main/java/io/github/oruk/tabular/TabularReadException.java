package io.github.oruk.tabular;

import java.io.IOException;

/** A package that cannot be read at all: no such folder or zip, no {@code services.csv}, a CSV file that breaks off. */
public final class TabularReadException extends IOException {

  private static final long serialVersionUID = 1L;

  TabularReadException(String message) {
    super(message);
  }

  TabularReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
