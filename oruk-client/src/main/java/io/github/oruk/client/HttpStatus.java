package io.github.oruk.client;

/** What the client knows about HTTP statuses: which are worth retrying, and their usual names. */
final class HttpStatus {

  private HttpStatus() {
  }

  /** 408, 429, 502, 503 and 504: the server or a gateway may answer differently a moment later. */
  static boolean retryable(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** "404 Not Found", "503 Service Unavailable", or just the number for unusual statuses. */
  static String describe(int status) {
    String reason = switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
    return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
  }

  /** What to try after an error status that was not (or no longer) retried. */
  static String advice(int status) {
    return switch (status) {
      case 400 -> "The feed refused the query; check the parameters (some feeds do not support every ORUK"
          + " parameter).";
      case 401, 403 -> "The feed needs credentials or refuses this client; ORUK feeds should be open, but if this"
          + " one is not, pass them with OrukClient.builder().header(...).";
      case 404 -> "Check the identifier and the base URL (a feed usually lives under a path such as /api).";
      case 405, 406 -> "The server may not be an ORUK API at this address; check the base URL.";
      case 410 -> "The record or endpoint has been removed.";
      case 408, 429, 502, 503, 504 -> "The feed is overloaded or unavailable; try again later, or allow more"
          + " attempts and time with maxAttempts(...) and maxRetryTime(...).";
      default -> status >= 500
          ? "The feed failed while answering; try again later, and tell its publisher if it persists."
          : "Check the base URL and the query.";
    };
  }
}
