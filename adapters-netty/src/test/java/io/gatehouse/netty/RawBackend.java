package io.gatehouse.netty;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A backend made of a server socket and a script per connection, for answers no real server would write. */
final class RawBackend {
  /** What a connection does with the client's bytes. */
  interface Script {
    void run(InputStream in, OutputStream out) throws Exception;
  }

  private RawBackend() {}

  /**
   * Runs {@code script} on every connection {@code server} accepts, each on a daemon thread of its own; the
   * connection is closed when the script returns.
   */
  static Thread serve(ServerSocket server, Script script) {
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread connection = new Thread(() -> {
            try (s) {
              script.run(s.getInputStream(), s.getOutputStream());
            } catch (Exception ignored) {
              // the client closed the connection or the test ended
            }
          });
          connection.setDaemon(true);
          connection.start();
        } catch (IOException e) {
          return; // the server socket was closed
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return acceptor;
  }

  /** Reads up to the end of a request head (the clients here send no bodies). */
  static void readHead(InputStream in) throws IOException {
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException();
      }
      matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
    }
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
