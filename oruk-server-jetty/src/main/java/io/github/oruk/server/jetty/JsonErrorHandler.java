package io.github.oruk.server.jetty;

import io.github.oruk.server.protocol.OrukProtocol;
import io.github.oruk.server.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for requests it refuses before the API sees them, answering each with the SDK's
 * JSON error body and headers (CORS included) instead of Jetty's HTML page. The code in the body follows
 * from the status Jetty chose ({@link OrukProtocol#refused(int, String)}).
 */
final class JsonErrorHandler extends ErrorHandler {

  private final OrukProtocol protocol;

  JsonErrorHandler(OrukProtocol protocol) {
    this.protocol = protocol;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Object status = request.getAttribute(ERROR_STATUS);
    Object message = request.getAttribute(ERROR_MESSAGE);
    ProtocolResponse answer = protocol.refused(status instanceof Integer code ? code : response.getStatus(),
        message instanceof String text ? text : null);
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    if (answer.body() == null || HttpMethod.HEAD.is(request.getMethod())) {
      response.write(true, null, callback);
      return true;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    answer.body().writeTo(body);
    response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
    return true;
  }
}
