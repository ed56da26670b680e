package io.github.oruk.server.protocol;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request the core answers with an error: status, stable code, parameter at fault, message. */
final class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String parameter;
  private final transient Map<String, String> headers;

  ProtocolException(int status, String code, @Nullable String parameter, @Nullable String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
    this.headers = headers;
  }

  ProtocolException(int status, String code, @Nullable String parameter, @Nullable String message) {
    this(status, code, parameter, message, Map.of());
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  @Nullable String parameter() {
    return parameter;
  }

  Map<String, String> headers() {
    return headers;
  }
}
