package io.github.oruk.hub.store;

/** The hub's database could not be reached, migrated, read or written; the message names the store and why. */
public final class HubStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HubStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
