package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pooled client on its own: failures map to the engine's kinds; keep-alive; close-delimited bodies. */
class NettyBackendTest {
  static {
    LeakRecorder.install();
  }

  private final NettyBackend backend = NettyBackend.builder().threads(1).build();

  @AfterEach
  void close() {
    backend.close();
  }

  private Throwable failure(String url, Duration timeout) {
    Throwable e = backend.send(new BackendRequest("GET", URI.create(url), new HttpHeaders(), null),
        new BackendOptions(timeout, false, BackendOptions.HttpVersion.HTTP_1_1)).toCompletableFuture()
        .handle((r, error) -> error).join();
    return e instanceof CompletionException ? e.getCause() : e;
  }

  @Test
  void refusedConnectionIsAConnectionFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Throwable e = failure("http://127.0.0.1:" + port + "/", Duration.ofSeconds(5));
    assertThat(e).isInstanceOf(BackendException.class);
    assertThat(((BackendException) e).kind()).isEqualTo(BackendException.Kind.CONNECTION_FAILURE);
  }

  @Test
  void noResponseHeadersInTimeIsATimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      Throwable e = failure("http://127.0.0.1:" + silent.getLocalPort() + "/", Duration.ofMillis(200));
      assertThat(e).isInstanceOf(BackendException.class);
      assertThat(((BackendException) e).kind()).isEqualTo(BackendException.Kind.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void bodyDelimitedByCloseAndHopByHopHeadersDropped() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getInputStream().read(new byte[4096]);
          s.getOutputStream().write("HTTP/1.1 203 Fine\r\nConnection: close\r\nX-A: 1\r\n\r\nuntil-close"
              .getBytes(StandardCharsets.US_ASCII));
        } catch (Exception ignored) {
          // the assertion below reports it
        }
      });
      t.start();
      BackendResponse r = backend.send(new BackendRequest("POST", URI.create("http://127.0.0.1:"
          + server.getLocalPort() + "/p?q=1"), HttpHeaders.of("X-B", "2"), "x".getBytes(StandardCharsets.UTF_8)),
          BackendOptions.DEFAULT).toCompletableFuture().join();
      t.join();
      assertThat(r.status()).isEqualTo(203);
      assertThat(r.reason()).isEqualTo("Fine");
      assertThat(r.headers().first("X-A")).isEqualTo("1");
      assertThat(r.headers().contains("Connection")).isFalse();
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("until-close");
    }
    LeakRecorder.assertNoLeaks();
  }

  /** Names are resolved by the asynchronous resolver (hosts file first), never by a blocking lookup. */
  @Test
  void hostNamesAreResolved() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getInputStream().read(new byte[4096]);
          s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
              .getBytes(StandardCharsets.US_ASCII));
        } catch (Exception ignored) {
          // the assertion below reports it
        }
      });
      t.start();
      BackendResponse r = backend.send(new BackendRequest("GET", URI.create("http://localhost:"
          + server.getLocalPort() + "/"), new HttpHeaders(), null), BackendOptions.DEFAULT).toCompletableFuture()
          .join();
      t.join();
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }
  }

  /**
   * A backend sending more than its response (a split response, a wrong {@code Content-Length}): the extra bytes
   * must not become the next caller's response on the pooled connection.
   */
  @Test
  void bytesAfterAResponseNeverStartTheNextOne() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread backendThread = RawBackend.serve(server, (in, out) -> {
        RawBackend.readHead(in);
        RawBackend.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-");
        RawBackend.readHead(in); // only if the connection is reused
        RawBackend.write(out, "Length: 6\r\n\r\nPOISON");
      });
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
      assertThat(body(url + "first")).isEqualTo("ok");
      assertThat(body(url + "second")).isEqualTo("ok"); // a fresh connection's first answer
      backendThread.interrupt();
    }
  }

  /** Bytes arriving while a pooled connection is idle: the connection is closed, not handed to the next caller. */
  @Test
  void bytesOnAnIdleConnectionCloseIt() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      CountDownLatch strayWritten = new CountDownLatch(1);
      Thread backendThread = RawBackend.serve(server, (in, out) -> {
        RawBackend.readHead(in);
        RawBackend.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Thread.sleep(100);
        RawBackend.write(out, "HTTP/1.1 200 OK\r\nContent-");
        strayWritten.countDown();
        RawBackend.readHead(in); // only if the connection is reused
        RawBackend.write(out, "Length: 6\r\n\r\nPOISON");
      });
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/";
      assertThat(body(url + "first")).isEqualTo("ok");
      assertThat(strayWritten.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100); // the stray bytes reach the client
      assertThat(body(url + "second")).isEqualTo("ok");
      backendThread.interrupt();
    }
  }

  /** Headers in time, then a body that stops: the timeout bounds each wait for more of it too. */
  @Test
  void aBodyThatStopsIsATimeout() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread backendThread = RawBackend.serve(server, (in, out) -> {
        RawBackend.readHead(in);
        RawBackend.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nthe first part");
        Thread.sleep(150);
        RawBackend.write(out, ", a second part");
        Thread.sleep(10_000); // and nothing more
      });
      long start = System.nanoTime();
      Throwable e = failure("http://127.0.0.1:" + server.getLocalPort() + "/", Duration.ofMillis(300));
      assertThat(e).isInstanceOf(BackendException.class).hasMessageContaining("no response body data for 300 ms");
      assertThat(((BackendException) e).kind()).isEqualTo(BackendException.Kind.TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(440),
          Duration.ofSeconds(3));
      backendThread.interrupt();
    }
  }

  private String body(String url) {
    return backend.send(new BackendRequest("GET", URI.create(url), new HttpHeaders(), null), BackendOptions.DEFAULT)
        .toCompletableFuture().thenApply(r -> new String(r.body(), StandardCharsets.UTF_8)).join();
  }
}
