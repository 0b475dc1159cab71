package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
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
}
