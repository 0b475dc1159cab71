package io.gatehouse.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpBackendTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final JdkHttpBackend backend = new JdkHttpBackend(Duration.ofSeconds(2));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/echo", exchange -> {
      byte[] in = exchange.getRequestBody().readAllBytes();
      String text = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x=" 
          + exchange.getRequestHeaders().getFirst("X-Test") + " body=" + new String(in, StandardCharsets.UTF_8);
      byte[] out = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Reply", "yes");
      exchange.sendResponseHeaders(201, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.createContext("/redirect", exchange -> {
      exchange.getResponseHeaders().add("Location", "/echo");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/slow", exchange -> {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/stalls", exchange -> {
      exchange.sendResponseHeaders(200, 100);
      exchange.getResponseBody().write("the first part".getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      try {
        release.await(5, TimeUnit.SECONDS); // and nothing more until the test ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.createContext("/large", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(new byte[5000]);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private BackendResponse send(BackendRequest request, BackendOptions options) {
    return backend.send(request, options).toCompletableFuture().join();
  }

  @Test
  void sendsMethodHeadersAndBodyAndReturnsTheAnswer() {
    BackendResponse r = send(new BackendRequest("PUT", uri("/echo?a=1"), HttpHeaders.of("X-Test", "t", "Host", "evil"),
        "hi".getBytes(StandardCharsets.UTF_8)), BackendOptions.DEFAULT);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().first("x-reply")).isEqualTo("yes");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("PUT /echo?a=1 x=t body=hi");
  }

  @Test
  void redirectsAreReturnedUnlessFollowingIsAsked() {
    BackendResponse r = send(new BackendRequest("GET", uri("/redirect"), null, null), BackendOptions.DEFAULT);
    assertThat(r.status()).isEqualTo(302);
    BackendResponse followed = send(new BackendRequest("GET", uri("/redirect"), null, null),
        new BackendOptions(Duration.ofSeconds(5), true, BackendOptions.HttpVersion.HTTP_1_1));
    assertThat(followed.status()).isEqualTo(201);
  }

  @Test
  void slowHeadersAreATimeout() {
    BackendOptions quick = new BackendOptions(Duration.ofMillis(200), false, BackendOptions.HttpVersion.HTTP_1_1);
    assertThatThrownBy(() -> send(new BackendRequest("GET", uri("/slow"), null, null), quick))
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).kind()).isEqualTo(BackendException.Kind.TIMEOUT);
  }

  @Test
  void refusedConnectionIsAConnectionFailure() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/");
    assertThatThrownBy(() -> send(new BackendRequest("GET", closed, null, null), BackendOptions.DEFAULT))
        .cause().isInstanceOf(BackendException.class)
        .extracting(e -> ((BackendException) e).kind()).isEqualTo(BackendException.Kind.CONNECTION_FAILURE);
  }

  @Test
  void aBodyThatStopsIsATimeout() {
    BackendOptions quick = new BackendOptions(Duration.ofMillis(300), false, BackendOptions.HttpVersion.HTTP_1_1);
    long start = System.nanoTime();
    assertThatThrownBy(() -> send(new BackendRequest("GET", uri("/stalls"), null, null), quick))
        .cause().isInstanceOf(BackendException.class)
        .hasMessageContaining("no response body data for 300 ms")
        .extracting(e -> ((BackendException) e).kind()).isEqualTo(BackendException.Kind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aBodyOverTheBoundIsAConnectionFailure() {
    JdkHttpBackend bounded = new JdkHttpBackend(Duration.ofSeconds(2), null, 4096);
    assertThatThrownBy(() -> bounded.send(new BackendRequest("GET", uri("/large"), null, null),
        BackendOptions.DEFAULT).toCompletableFuture().join())
        .cause().isInstanceOf(BackendException.class)
        .hasMessageContaining("exceeds 4096 bytes")
        .extracting(e -> ((BackendException) e).kind()).isEqualTo(BackendException.Kind.CONNECTION_FAILURE);
    assertThat(bounded.send(new BackendRequest("PUT", uri("/echo"), null, new byte[10]), BackendOptions.DEFAULT)
        .toCompletableFuture().join().status()).isEqualTo(201);
  }
}
