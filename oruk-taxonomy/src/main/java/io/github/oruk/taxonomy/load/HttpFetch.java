package io.github.oruk.taxonomy.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One GET of a taxonomy file (SKOS, CSV, an esd list) from a URL with {@code java.net.http}. ORUK feeds
 * are read through a {@link FeedReader} instead (the CLI's is over {@code oruk-client}, which knows paging,
 * retries and the ORUK envelope).
 */
final class HttpFetch {

  private static final System.Logger LOG = System.getLogger(HttpFetch.class.getName());
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private HttpFetch() {
  }

  /** The response body and its content type. */
  record Response(byte[] body, String contentType) {
  }

  static byte[] get(URI url, Duration timeout, String accept) throws IOException {
    return fetch(url, timeout, accept).body();
  }

  static Response fetch(URI url, Duration timeout, String accept) throws IOException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new TaxonomyLoadException(url.toString(), "only http and https URLs can be fetched");
    }
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(url);
    if (scheme.equals("http")) {
      // As the ORUK client does: no HTTP/2 upgrade on plain http. With it, the JDK client once read a server's
      // HTTP/1.1 answer as HTTP/2 frames ("Frame type(116) length(6909029) exceeds MAX_FRAME_SIZE") under load.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    HttpRequest request = builder
        .timeout(timeout)
        .header("Accept", accept)
        .header("User-Agent", "oruk-java taxonomy loader")
        .GET()
        .build();
    LOG.log(System.Logger.Level.DEBUG, "GET {0}", url);
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TaxonomyLoadException(url.toString(), "no answer within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaxonomyLoadException(url.toString(), "interrupted while fetching", e);
    } catch (IOException e) {
      throw new TaxonomyLoadException(url.toString(), "could not be fetched: " + describe(e), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new TaxonomyLoadException(url.toString(), "HTTP " + response.statusCode()
          + (response.statusCode() == 401 || response.statusCode() == 403
              ? " (the service may need an application key in the URL)" : "")
          + "; expected 200 with the taxonomy");
    }
    byte[] body = response.body();
    if (body.length > MAX_BYTES) {
      throw new TaxonomyLoadException(url.toString(), "the answer is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    return new Response(body, response.headers().firstValue("Content-Type").orElse(""));
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName() + (e.getCause() != null ? " (" + e.getCause() + ")" : "");
    }
    return message;
  }
}
