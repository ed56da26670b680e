package io.github.oruk.testkit.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileClientsTest {

  @Test
  void stalledClientsSendHalfARequestLineAndNothingMore() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HostileClients stalled = HostileClients.stalled(uri(listener, "/"), 3)) {
      assertEquals(3, stalled.size());
      for (int i = 0; i < 3; i++) {
        try (Socket accepted = listener.accept()) {
          accepted.setSoTimeout(100);
          InputStream in = accepted.getInputStream();
          assertEquals("GET /servi", new String(in.readNBytes(10), StandardCharsets.US_ASCII));
          assertThrows(java.net.SocketTimeoutException.class, in::read, "nothing follows");
        }
      }
    }
  }

  @Test
  void slowReadersSendTheWholeRequestAndWaitForTheAnswerToStart() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HostileClients readers = HostileClients.slowReaders(uri(listener, "/services?format=ndjson"), 2)) {
      List<Socket> accepted = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket socket = listener.accept();
          accepted.add(socket);
          String request = new String(socket.getInputStream().readNBytes(32), StandardCharsets.US_ASCII);
          assertEquals("GET /services?format=ndjson HTTP", request);
        }
        assertEquals(0, readers.awaitAnswers(Duration.ofMillis(100)), "no answer has started");
        for (Socket socket : accepted) {
          socket.getOutputStream().write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
        assertEquals(2, readers.awaitAnswers(Duration.ofSeconds(10)));
      } finally {
        for (Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aServerThatIsNotThereIsAnIoError() throws IOException {
    int port;
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = listener.getLocalPort();
    }
    IOException e = assertThrows(IOException.class,
        () -> HostileClients.stalled(URI.create("http://127.0.0.1:" + port + "/"), 2));
    assertTrue(e.getMessage().contains("could open only 0 of 2"), e.getMessage());
  }

  private static URI uri(ServerSocket listener, String path) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
  }
}
