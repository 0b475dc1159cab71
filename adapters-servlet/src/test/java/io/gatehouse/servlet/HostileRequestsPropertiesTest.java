package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.eclipse.jetty.http.HttpTester;

/**
 * Requests a container accepts but no well-behaved client sends — odd methods, paths, encodings, header values,
 * forwarding chains, bodies over the bound, chunked or not — through {@link GatehouseFilter} on Jetty and on
 * Tomcat, over a socket: every one gets a complete, well-framed response (Jetty's strict parser reads it), and
 * nothing fails inside the filter or the engine: a 5xx comes only from the two operations whose policies fail on
 * purpose, or from the application.
 */
class HostileRequestsPropertiesTest {
  private static final int MAX_BODY = 1024;
  private static final java.util.Set<String> FAILING_APPLICATION = java.util.Set.of("/api/stream/abc",
      "/api/big/-1", "/api/big/99999999999999999999");
  private static ServletApp jetty;
  private static ServletApp tomcat;

  @BeforeContainer
  static void start() throws Exception {
    jetty = JettyApp.start(filter(), true);
    tomcat = TomcatApp.start(filter(), true);
  }

  private static GatehouseFilter filter() {
    return GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("/api")
        .trustedProxies("0.0.0.0/0", "::/0").maxRequestBodyBytes(MAX_BODY).build();
  }

  @AfterContainer
  static void stop() throws Exception {
    jetty.close();
    tomcat.close();
  }

  record Header(String name, String value) {}

  /** A request framed by its body: {@code Content-Length}, or one chunk when {@code chunk} is positive. */
  record Request(String method, String path, List<Header> headers, byte[] body, int chunk) {
    byte[] wire() {
      StringBuilder text = new StringBuilder(method + " /shop" + path + " HTTP/1.1\r\nHost: gw.example\r\n");
      for (Header h : headers) {
        text.append(h.name()).append(": ").append(h.value()).append("\r\n");
      }
      if (chunk > 0) {
        text.append("Transfer-Encoding: chunked\r\n");
      } else if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
        text.append("Content-Length: ").append(body.length).append("\r\n");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(text.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
      if (chunk <= 0) {
        out.writeBytes(body);
        return out.toByteArray();
      }
      // one chunk: how the container splits a chunked body is its own business, the filter reads a stream
      if (body.length > 0) {
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> methods = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just("GET")), Tuple.of(2, Arbitraries.of("HEAD", "POST", "OPTIONS")),
        Tuple.of(1, Arbitraries.of("PUT", "DELETE", "PATCH", "M-SEARCH", "get")));
    Arbitrary<String> paths = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("/api/echo/items/1", "/api/echo/items", "/api/echo/old/7", "/api/echo/mocked",
            "/api/echo/checked", "/api/echo/url", "/api/echo/transformed/1", "/api/async/1", "/api/big/5000",
            "/api/stream/3000", "/api/stream-async/3000", "/api/secure/items/1")),
        Tuple.of(3, Arbitraries.of("/api/echo/items/%2e%2e", "/api/echo/items/%C3%A9", "/api/echo/items/a%20b",
            "/api/echo/items/1?x=%zz&&=&y", "/api/echo/items/1;jsessionid=x", "/api//echo/items/1",
            "/api/echo/items/" + "a".repeat(3000), "/api/echo/items/1?" + "q=1&".repeat(300), "/api/stream/abc",
            "/api/big/-1", "/api/big/99999999999999999999")),
        Tuple.of(2, Arbitraries.of("/api/nope", "/api", "/api/", "/other", "/api/echo/fail", "/api/echo/inject")));
    // (A long value stays under 3000 characters: the echo servlet sends every request header back, and two such
    // values must not overflow the container's 8 KiB response head, where Tomcat answers 500 with or without us.)
    Arbitrary<Header> headers = Arbitraries.of(
        new Header("Origin", "https://app.example"), new Header("Origin", "null"),
        new Header("Origin", "https://evil.example"), new Header("Access-Control-Request-Method", "GET"),
        new Header("Access-Control-Request-Method", "TRACE"), new Header("Access-Control-Request-Headers", "x-a, ,"),
        new Header("Ocp-Apim-Subscription-Key", TestGateways.KEY), new Header("Ocp-Apim-Subscription-Key", "nope"),
        new Header("Ocp-Apim-Subscription-Key", ""), new Header("X-Forwarded-For", "1.2.3.4, 999.1.1.1"),
        new Header("X-Forwarded-For", "::1, unknown"), new Header("X-Forwarded-For", ",,, "),
        new Header("X-Forwarded-For", "[2001:db8::1]:80"), new Header("X-Token", "let-me-in"),
        new Header("X-Token", "LET-ME-IN"), new Header("Authorization", "Bearer "), new Header("Cookie", "a=b; ;c"),
        new Header("X-Weird", "\u00e9\u00e8"), new Header("X-Weird", "tab\there"), new Header("X-Weird", ""),
        new Header("X-Weird", "x".repeat(3000)), new Header("Content-Type", "application/json; charset=bogus"),
        new Header("Content-Type", "text/plain; charset=utf-16"), new Header("Accept-Encoding", "gzip"),
        new Header("X-Replace", "yes"), new Header("Range", "bytes=0-1"), new Header("Forwarded", "for=\"_x\""));
    Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new byte[0])),
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(900).ofMaxSize(1500)));
    Arbitrary<Integer> chunks = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 600)));
    return Combinators.combine(methods, paths, headers.list().ofMaxSize(6), bodies, chunks).as(Request::new);
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void everyRequestGetsAWellFormedAnswerAndNothingFailsInside(@ForAll("requests") Request request,
      @ForAll boolean onTomcat) throws Exception {
    ServletApp app = onTomcat ? tomcat : jetty;
    byte[] raw;
    try (Socket socket = new Socket(app.uri("").getHost(), app.uri("").getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.wire());
      raw = socket.getInputStream().readAllBytes(); // the request says Connection: close
    }
    assertThat(raw).as("a response to %s", request).isNotEmpty();
    ByteBuffer bytes = ByteBuffer.wrap(raw);
    HttpTester.Response response = request.method().equals("HEAD") ? HttpTester.parseHeadResponse(bytes)
        : HttpTester.parseResponse(bytes);
    assertThat(response).as("a complete response to %s", request).isNotNull();
    Statistics.label("status").collect(response.getStatus());
    Statistics.label("container").collect(onTomcat ? "tomcat" : "jetty");
    int status = response.getStatus();
    boolean policyFails = request.path().endsWith("/fail") || request.path().endsWith("/inject");
    // The application throws on a size it cannot parse: the engine's BackendConnectionFailure when an operation
    // forwarded to it, the container's own 500 when the filter passed an unmatched request (HEAD) through.
    boolean applicationFails = FAILING_APPLICATION.contains(request.path()) && status == 500;
    boolean unknownMethod = status == 501; // HttpServlet's answer to a method it does not implement
    if (!policyFails && !applicationFails && !unknownMethod) {
      assertThat(status).as("answer to %s: %s", request, response).isLessThan(500);
    }
    Statistics.label("status").coverage(c -> {
      c.check(200).percentage(p -> p > 10);
      c.check(401).count(n -> n > 0);
      c.check(413).count(n -> n > 0);
      c.check(400).count(n -> n > 0);
    });
  }
}
