package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application's response streams through the filter when no policy needs its body, and is buffered otherwise.
 * The proof of streaming: the application waits, after {@link #GATE_AT} bytes, until the client has received its
 * first bytes; buffered, the client would get nothing before the application finished. One subclass per container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatehouseFilterStreamingContract {
  private static final int EIGHT_MIB = 8 << 20;
  private static final int GATE_AT = 200 * 1024;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private ServletApp app;
  private ServletApp blocking;

  /** Starts the test application in this class's container. */
  abstract ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception;

  @BeforeAll
  void startServers() throws Exception {
    app = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("/api").build(),
        true);
    blocking = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("/api")
        .build(), false);
  }

  @AfterAll
  void stopServers() throws Exception {
    app.close();
    blocking.close();
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  private static HttpResponse<byte[]> get(ServletApp server, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).build(),
        BodyHandlers.ofByteArray());
  }

  /**
   * Calls a gated path: the response headers and the first 128 KiB must arrive while the application still waits
   * at its gate; then the gate opens and the rest arrives. Returns the response and the whole body.
   */
  private static Streamed streamed(ServletApp server, String path, String id) throws Exception {
    HttpResponse<InputStream> r = CLIENT.sendAsync(HttpRequest.newBuilder(server.uri(path + (path.contains("?")
        ? "&" : "?") + "gate=" + GATE_AT + "&id=" + id)).build(), BodyHandlers.ofInputStream()).get(8, TimeUnit.SECONDS);
    try (InputStream in = r.body()) {
      byte[] first = CompletableFuture.supplyAsync(() -> {
        try {
          return in.readNBytes(128 * 1024);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).get(8, TimeUnit.SECONDS);
      assertThat(StreamingServlet.OUTCOMES.get(id)).as("the application is still writing").isNull();
      StreamingServlet.gate(id).countDown();
      byte[] rest = in.readAllBytes();
      byte[] all = Arrays.copyOf(first, first.length + rest.length);
      System.arraycopy(rest, 0, all, first.length, rest.length);
      return new Streamed(r, all);
    }
  }

  private record Streamed(HttpResponse<InputStream> response, byte[] body) {}

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aLargeResponseStreamsThroughALightOutbound() throws Exception {
    String id = id();
    Streamed s = streamed(app, "/api/stream/" + EIGHT_MIB, id);
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(header(s.response(), "X-Served-By")).isEqualTo("gatehouse");
    assertThat(header(s.response(), "X-App")).isEqualTo("streaming");
    assertThat(header(s.response(), "Content-Length")).isNull();
    assertThat(header(s.response(), "Transfer-Encoding")).isEqualTo("chunked");
    assertThat(Arrays.equals(s.body(), StreamingServlet.body(EIGHT_MIB))).isTrue();
    assertThat(StreamingServlet.OUTCOMES.get(id)).isEqualTo("ok");
  }

  @Test
  void aChainWithoutAsyncStreamsToo() throws Exception {
    String id = id();
    Streamed s = streamed(blocking, "/api/stream/" + (2 << 20), id);
    assertThat(header(s.response(), "X-Served-By")).isEqualTo("gatehouse");
    assertThat(Arrays.equals(s.body(), StreamingServlet.body(2 << 20))).isTrue();
    assertThat(StreamingServlet.OUTCOMES.get(id)).isEqualTo("ok");
  }

  @Test
  void anAsynchronousApplicationStreams() throws Exception {
    String id = id();
    Streamed s = streamed(app, "/api/stream-async/" + EIGHT_MIB, id);
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(header(s.response(), "X-Served-By")).isEqualTo("gatehouse");
    assertThat(Arrays.equals(s.body(), StreamingServlet.body(EIGHT_MIB))).isTrue();
    assertThat(StreamingServlet.OUTCOMES.get(id)).isEqualTo("ok");
  }

  @Test
  void aDeclaredLengthIsKept() throws Exception {
    String id = id();
    Streamed s = streamed(app, "/api/stream/300000?length=true", id);
    assertThat(header(s.response(), "Content-Length")).isEqualTo("300000");
    assertThat(Arrays.equals(s.body(), StreamingServlet.body(300_000))).isTrue();
  }

  @Test
  void aFlushIsACommitPoint() throws Exception {
    // 16 KiB written and flushed, then the application waits: only the flush can have sent the headers.
    String id = id();
    HttpResponse<InputStream> r = CLIENT.sendAsync(HttpRequest.newBuilder(app.uri("/api/stream-async/300000?"
        + "flushAt=1&gate=1&id=" + id)).build(), BodyHandlers.ofInputStream()).get(8, TimeUnit.SECONDS);
    try (InputStream in = r.body()) {
      assertThat(header(r, "Content-Length")).isNull();
      StreamingServlet.gate(id).countDown();
      assertThat(Arrays.equals(in.readAllBytes(), StreamingServlet.body(300_000))).isTrue();
    }
  }

  @Test
  void anOutboundThatTransformsTheBodyBuffersIt() throws Exception {
    String id = id();
    HttpResponse<byte[]> r = get(app, "/api/stream/transformed/" + (1 << 20) + "?id=" + id);
    String expected = new String(StreamingServlet.body(1 << 20), StandardCharsets.US_ASCII).replace("abc", "ABC");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Length")).isEqualTo(Integer.toString(expected.length()));
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(expected);
  }

  @Test
  void returnResponseInOutboundReplacesAStreamedBody() throws Exception {
    for (String path : new String[] {"/api/stream/", "/api/stream-async/"}) {
      String id = id();
      HttpResponse<byte[]> r = get(app, path + (1 << 20) + "?replace=yes&id=" + id);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(header(r, "X-Replaced")).isEqualTo("yes");
      assertThat(header(r, "X-App")).isNull();
      assertThat(header(r, "Content-Length")).isEqualTo("11");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("replacement");
      for (int i = 0; i < 100 && StreamingServlet.OUTCOMES.get(id) == null; i++) {
        Thread.sleep(50);
      }
      assertThat(StreamingServlet.OUTCOMES.get(id)).as("the application's writes are dropped").isEqualTo("ok");
    }
  }

  @Test
  void anApplicationFailingWhileItStreamsAbortsTheResponse() throws Exception {
    HttpResponse<InputStream> r = CLIENT.send(HttpRequest.newBuilder(app.uri("/api/stream/" + (1 << 20)
        + "?failAt=300000")).timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    try (InputStream in = r.body()) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void aSmallResponseIsBufferedAsBefore() throws Exception {
    HttpResponse<byte[]> r = get(app, "/api/stream/1000");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Length")).isEqualTo("1000");
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
    assertThat(Arrays.equals(r.body(), StreamingServlet.body(1000))).isTrue();
    HttpResponse<byte[]> async = get(app, "/api/stream-async/" + CapturingOutputStream.WINDOW);
    assertThat(header(async, "Content-Length")).isEqualTo(Integer.toString(CapturingOutputStream.WINDOW));
    assertThat(Arrays.equals(async.body(), StreamingServlet.body(CapturingOutputStream.WINDOW))).isTrue();
  }
}
