package io.github.oruk.server.jetty;

import io.github.oruk.server.protocol.OrukProtocol;
import io.github.oruk.server.protocol.ProtocolRequest;
import io.github.oruk.server.protocol.ProtocolResponse;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The protocol core on Jetty's own request and response, without the servlet layer: what {@link OrukJettyServer}
 * serves. A servlet container costs a request about as much CPU as the protocol itself (its request wrappers,
 * header maps and output buffer; measured in benchmarks/RESULTS.md, issue #19), and Jetty's core API lets an
 * answer whose bytes are at hand (every page, record and error) go to the socket as one non-blocking write of
 * the protocol's own buffer: no thread waits for a client that reads slowly, and the bytes are not copied into
 * a response buffer first. Only a streamed answer ({@code format=ndjson}) is written from the request's thread,
 * through a blocking stream.
 *
 * <p>Paths are taken raw (still percent-encoded) from the request line, so that an encoded '/' or a dot segment
 * reaches the protocol, which answers it as data (the connector's URI compliance lets them through). A path
 * outside the base path is the API's JSON 404.
 */
final class OrukHandler extends Handler.Abstract {

  private static final Map<String, HttpHeader> KNOWN = new HashMap<>();

  static {
    for (HttpHeader header : HttpHeader.values()) {
      KNOWN.put(header.asString(), header);
    }
  }

  private final OrukProtocol protocol;
  /** The base path without its final '/', or "" at the root. */
  private final String prefix;

  OrukHandler(OrukProtocol protocol, String basePath) {
    super(InvocationType.BLOCKING);
    this.protocol = protocol;
    this.prefix = basePath.equals("/") ? "" : basePath;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ProtocolRequest asked = toProtocol(request);
    ProtocolResponse answer = asked == null ? protocol.refused(404, null) : protocol.handle(asked);
    response.setStatus(answer.status());
    HttpFields.Mutable fields = response.getHeaders();
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      // The protocol names each header once. A header Jetty knows is added by its constant, which spares
      // Jetty looking the name up in its own table for every header of every answer.
      HttpHeader known = KNOWN.get(header.getKey());
      fields.add(known != null ? new HttpField(known, header.getValue())
          : new HttpField(header.getKey(), header.getValue()));
    }
    ProtocolResponse.Body body = answer.body();
    if (body == null || HttpMethod.HEAD.is(request.getMethod())) {
      response.write(true, null, callback);
      return true;
    }
    ByteBuffer bytes = body.buffer();
    if (bytes != null) {
      response.write(true, bytes, callback);
      return true;
    }
    // A stream: written from this thread. A body that fails part-way throws; failing the callback then makes
    // Jetty abort the connection instead of ending the answer, so the client sees a broken transfer.
    try {
      OutputStream out = Content.Sink.asOutputStream(response);
      body.writeTo(out);
      out.close();
    } catch (Throwable e) {
      callback.failed(e);
      return true;
    }
    callback.succeeded();
    return true;
  }

  private @Nullable ProtocolRequest toProtocol(Request request) {
    String path = request.getHttpURI().getPath();
    if (path == null || !path.startsWith(prefix)) {
      return null;
    }
    path = path.substring(prefix.length());
    if (!path.isEmpty() && !path.startsWith("/")) {
      return null;  // beside the base path, such as /orukish for /oruk
    }
    String local = Request.getLocalAddr(request);
    return new ProtocolRequest(
        request.getMethod(),
        request.isSecure() ? "https" : "http",
        prefix,
        path,
        request.getHttpURI().getQuery(),
        request.getHeaders()::get,
        Request.getRemoteAddr(request),
        (local.contains(":") ? "[" + local + "]" : local) + ":" + Request.getLocalPort(request));
  }
}
