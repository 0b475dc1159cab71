package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.net.Socket;

/**
 * Answers how {@link JettyRequests} read the request: {@code took|fast|servletApi|wrappedTook|authority}, the two
 * header maps in order and the server's host and port both ways, so a test can check the fast path is taken and
 * agrees with the Servlet API.
 */
final class HeaderCopyServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpHeaders fast = new HttpHeaders();
    boolean took = JettyRequests.copy(req, fast);
    HttpHeaders api = new HttpHeaders();
    for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements(); ) {
        api.add(name, values.nextElement());
      }
    }
    boolean wrapped = JettyRequests.copy(new HttpServletRequestWrapper(req), new HttpHeaders());
    String authority = JettyRequests.serverHost(req) + ":" + JettyRequests.serverPort(req) + "="
        + req.getServerName() + ":" + req.getServerPort();
    res.getOutputStream().write((took + "|" + fast + "|" + api + "|" + wrapped + "|" + authority)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A request with a repeated header in two spellings, an empty one and one with inner spaces. */
  static final String REQUEST = "GET /shop/h HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Twice: 1\r\nAccept: text/plain\r\n"
      + "x-twice: 2\r\nX-Empty:\r\nX-Spaced:  a b ";

  /** Checks the servlet's answers to {@link #REQUEST} and to a request naming a port, from a server on {@code port}. */
  static void check(int port) throws IOException {
    check(exchange(port, REQUEST), "127.0.0.1:80");
    check(exchange(port, "GET /shop/h HTTP/1.1\r\nHost: localhost:8081"), "localhost:8081");
  }

  private static void check(String body, String authority) {
    String[] parts = body.split("\\|");
    assertThat(parts).hasSize(5);
    assertThat(parts[0]).isEqualTo("true"); // Jetty's own request: read from its fields
    assertThat(parts[1]).isEqualTo(parts[2]);
    if (authority.startsWith("127")) {
      assertThat(parts[1]).contains("X-Twice=[1, 2]", "X-Spaced=[a b]", "X-Empty=[]");
    }
    assertThat(parts[3]).isEqualTo("false"); // a wrapper may change headers: never read past it
    String[] both = parts[4].split("=");
    assertThat(both[0]).isEqualTo(both[1]).isEqualTo(authority); // from the Host header, else the default port
  }

  /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and returns the body. */
  static String exchange(int port, String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
