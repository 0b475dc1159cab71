package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.backend.JdkHttpBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * Whatever a backend sends, {@link NettyBackend} (and the engine's default, {@link JdkHttpBackend}) completes each call — with the backend's response when it is
 * well-formed, else with a {@link BackendException} — within its timeout, and never lets one response's bytes
 * reach another call: after every hostile answer, a well-behaved one on the same pool arrives intact (with the JDK
 * client, which reuses such connections, it may fail instead, but never carries another response's bytes).
 */
class HostileBackendPropertiesTest {
  static {
    LeakRecorder.install();
  }

  private static final Duration TIMEOUT = Duration.ofMillis(400);
  private static final String CLEAN = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nclean";
  private static ServerSocket server;
  private static NettyBackend netty;
  private static JdkHttpBackend jdk;
  /** What the backend answers to the next request it reads, on any connection. */
  private static volatile Answer answer;

  /**
   * A response as bytes, written in {@code pieces} parts; the connection is closed after it when {@code close}.
   * {@code written} is counted down once all its bytes are written.
   */
  record Answer(byte[] bytes, int pieces, boolean close, CountDownLatch written) {
    Answer(byte[] bytes, int pieces, boolean close) {
      this(bytes, pieces, close, new CountDownLatch(1));
    }
  }

  @BeforeContainer
  static void start() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    netty = NettyBackend.builder().threads(1).maxConnectionsPerHost(4).maxResponseLength(4096).build();
    jdk = new JdkHttpBackend(Duration.ofSeconds(2), null, 4096);
    RawBackend.serve(server, HostileBackendPropertiesTest::answerEachRequest);
  }

  @AfterContainer
  static void stop() throws Exception {
    netty.close();
    server.close();
    LeakRecorder.assertNoLeaks();
  }

  /** Each request read gets the {@link #answer} of the moment, until it says to close. */
  private static void answerEachRequest(InputStream in, OutputStream out) throws Exception {
    for (;;) {
      RawBackend.readHead(in);
      Answer a = answer;
      int step = Math.max(1, a.bytes().length / a.pieces());
      for (int from = 0; from < a.bytes().length; from += step) {
        out.write(a.bytes(), from, Math.min(step, a.bytes().length - from));
        out.flush();
        Thread.sleep(1);
      }
      a.written().countDown();
      if (a.close()) {
        return;
      }
    }
  }

  /** A response a backend might send: well-formed, or with one of many defects. */
  record Response(String statusLine, List<String> headers, byte[] body, int framing) {
    /** Framing: 0 Content-Length, 1 chunked, 2 a wrong Content-Length, 3 a broken chunk, 4 none. */
    byte[] wire() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(statusLine).append("\r\n");
      headers.forEach(h -> head.append(h).append("\r\n"));
      switch (framing) {
        case 0 -> head.append("Content-Length: ").append(body.length).append("\r\n");
        case 1, 3 -> head.append("Transfer-Encoding: chunked\r\n");
        case 2 -> head.append("Content-Length: ").append(Math.max(0, body.length - 3)).append("\r\n");
        default -> { }
      }
      out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      if (framing == 1 || framing == 3) {
        out.writeBytes((Integer.toHexString(body.length) + (framing == 3 ? "zz" : "") + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(body);
      }
      return out.toByteArray();
    }

    /** Whether a careful client must take this response as it is: a valid status and framing, body in bounds. */
    boolean wellFormed() {
      return statusLine.matches("HTTP/1\\.1 [2-5]\\d\\d [A-Za-z ]*") && (framing == 0 || framing == 1)
          && !statusLine.startsWith("HTTP/1.1 204") && !statusLine.startsWith("HTTP/1.1 304")
          && headers.stream().allMatch(h -> h.length() < 8000 && h.matches("X-[A-Za-z-]+: [ -~]*"));
    }

    @Override
    public String toString() {
      String text = new String(wire(), StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n");
      return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    int status() {
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  @Provide
  Arbitrary<Response> responses() {
    Arbitrary<String> statusLines = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("HTTP/1.1 200 OK", "HTTP/1.1 201 Created", "HTTP/1.1 404 Not Found",
            "HTTP/1.1 503 Service Unavailable")),
        Tuple.of(2, Arbitraries.of("HTTP/1.1 204 No Content", "HTTP/1.1 304 Not Modified", "HTTP/1.0 200 OK",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/1.1 101 Switching Protocols")),
        Tuple.of(1, Arbitraries.of("HTTX/1.1 200 OK", "HTTP/1.1 2000 Big", "HTTP/1.1 OK", "", "garbage",
            "HTTP/1.1 200 OK\r\nContent-Length: 1")));
    Arbitrary<String> headers = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("X-A: 1", "X-Empty: ", "X-Long: " + "v".repeat(200), "X-Same: a", "X-Same: b")),
        Tuple.of(1, Arbitraries.of("Connection: close", "Content-Length: 3", "Transfer-Encoding: gzip",
            "X-Huge: " + "h".repeat(9000), "Bad Header", ": nameless", "X-Nul: a\u0000b", "X-Obs: a\r\n folded")));
    Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(3000).ofMaxSize(6000)));
    Arbitrary<Integer> framings = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(0, 1)),
        Tuple.of(1, Arbitraries.of(2, 3, 4)));
    return Combinators.combine(statusLines, headers.list().ofMaxSize(4), bodies, framings).as(Response::new);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyCallCompletesAndNoResponseLeaksIntoTheNext(@ForAll("responses") Response response,
      @ForAll("pieces") int pieces, @ForAll boolean close, @ForAll("extra") String extra, @ForAll boolean viaJdk) {
    Backend backend = viaJdk ? jdk : netty;
    byte[] wire = response.wire();
    byte[] bytes = new byte[wire.length + extra.length()];
    System.arraycopy(wire, 0, bytes, 0, wire.length);
    System.arraycopy(extra.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, wire.length, extra.length());
    answer = new Answer(bytes, pieces, close);
    Object outcome = call(backend);
    Statistics.label("outcome").collect(outcome instanceof BackendResponse r ? "response " + r.status()
        : ((BackendException) outcome).kind().toString());
    if (response.wellFormed() && response.body().length <= 4096 && extra.isEmpty()) {
      assertThat(outcome).as("answer to %s", response).isInstanceOf(BackendResponse.class);
      BackendResponse r = (BackendResponse) outcome;
      assertThat(r.status()).isEqualTo(response.status());
      assertThat(r.body()).isEqualTo(response.body());
    }
    if (pieces > 1) {
      // Bytes the backend sends after the response, once the next request is on its way, cannot be told from the
      // next response by any client; what must hold is that bytes the client has received are never reused. So the
      // next call waits for the last piece to be written and read (a pooled connection that receives bytes while
      // idle is closed).
      try {
        answer.written().await(1, TimeUnit.SECONDS);
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer = new Answer(CLEAN.getBytes(StandardCharsets.US_ASCII), 1, false);
    Object next = call(backend);
    if (!viaJdk) {
      assertThat(next).as("the call after %s + %s", response, extra).isInstanceOf(BackendResponse.class);
    }
    // The JDK's pool may reuse a connection the backend left bytes on, so the next call can fail there; but no
    // client may hand those bytes to the next caller as its response.
    if (next instanceof BackendResponse r) {
      assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).as("the call after %s + %s", response, extra)
          .isEqualTo("clean");
    }
  }

  @Provide
  Arbitrary<Integer> pieces() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(2,
        12)));
  }

  /** Bytes after the response: none, or the start of another one. */
  @Provide
  Arbitrary<String> extra() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
        Tuple.of(1, Arbitraries.of("HTTP/1.1 200 OK\r\nContent-", "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nPOISON",
            "\r\n", "x")));
  }

  /** One GET through the pool: its response, or the {@link BackendException} it failed with, within bounds. */
  private static Object call(Backend backend) {
    long start = System.nanoTime();
    Object outcome = backend.send(new BackendRequest("GET", URI.create("http://127.0.0.1:" + server.getLocalPort()
            + "/"), new HttpHeaders(), null), new BackendOptions(TIMEOUT, false, BackendOptions.HttpVersion.HTTP_1_1))
        .toCompletableFuture()
        .handle((r, e) -> r != null ? r : e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)
        .orTimeout(5, TimeUnit.SECONDS)
        .join();
    assertThat(outcome).isInstanceOfAny(BackendResponse.class, BackendException.class);
    if (outcome instanceof BackendResponse r) {
      assertThat(r.status()).as("a final status HTTP has").isBetween(200, 599);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    return outcome;
  }
}
