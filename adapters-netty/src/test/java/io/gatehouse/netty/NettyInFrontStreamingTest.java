package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.CounterResult;
import io.gatehouse.api.CounterStore;
import io.gatehouse.api.CounterWindow;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.counter.InMemoryCounterStore;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's response streams through {@link GatehouseHandler#inFront} when no policy needs its body, and is
 * buffered otherwise. The proof of streaming: the application (on the event loop, never blocking) stops after
 * {@link #GATE_AT} bytes until the test has seen the client receive bytes; buffered, the client would get nothing
 * before the application finished, and these tests would time out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyInFrontStreamingTest {
  static {
    LeakRecorder.install();
  }

  private static final int EIGHT_MIB = 8 << 20;
  private static final int CHUNK = 64 * 1024;
  private static final int GATE_AT = 256 * 1024;
  private static final byte[] BODY = body(EIGHT_MIB);

  /** A light outbound: replaces the application's answer when it says {@code X-Replace: yes}. */
  private static final String REPLACE_ON_HEADER = "<choose><when condition=\"@(context.Response.Headers"
      + ".GetValueOrDefault(&quot;X-Replace&quot;, &quot;&quot;) == &quot;yes&quot;)\"><return-response>"
      + "<set-status code=\"200\" reason=\"OK\" /><set-header name=\"X-Replaced\" exists-action=\"override\">"
      + "<value>yes</value></set-header><set-body>replacement</set-body></return-response></when></choose>";

  /** What the application saw of each call: "ok" when its last write succeeded, "failed: ..." otherwise. */
  private final Map<String, String> outcomes = new ConcurrentHashMap<>();
  private final Set<String> openGates = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();
  /** How many body bytes the application has written so far, per call id. */
  private final Map<String, Integer> written = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private EventLoopGroup group;
  private Channel server;

  static byte[] body(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private static String outbound(String statements) {
    return "<policies><inbound><base /></inbound><backend><base /></backend>"
        + "<outbound><base />" + statements + "</outbound><on-error><base /></on-error></policies>";
  }

  @BeforeAll
  void start() throws InterruptedException {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy("<policies><inbound /><backend><forward-request timeout=\"10\" /></backend><outbound>"
            + "<set-header name=\"X-Served-By\" exists-action=\"override\"><value>gatehouse</value></set-header>"
            + "</outbound><on-error /></policies>")
        .api(ApiDefinition.builder("files").path("files").serviceUrl("http://app.local/files")
            .subscriptionRequired(false).policy(outbound(REPLACE_ON_HEADER))
            .operation("get", "GET", "/stream")
            .operation("head", "HEAD", "/stream")
            .operation("transformed", "GET", "/transformed", outbound("<find-and-replace from=\"abc\" to=\"ABC\" />"))
            .operation("later", "GET", "/later", outbound("<limit-concurrency key=\"later\" max-count=\"100\">"
                + "<set-header name=\"X-Limited\" exists-action=\"override\"><value>yes</value></set-header>"
                + "</limit-concurrency>"))
            .operation("retried", "GET", "/retried", "<policies><inbound><base /></inbound><backend>"
                + "<forward-request /><base /></backend><outbound><base /></outbound>"
                + "<on-error><base /></on-error></policies>")
            .operation("slow", "GET", "/slow", "<policies><inbound><base /></inbound><backend>"
                + "<forward-request timeout-ms=\"300\" /></backend><outbound><base /></outbound>"
                + "<on-error><base /></on-error></policies>")
            .build())
        .build();
    Gatehouse gatehouse = Gatehouse.builder().config(config).counterStore(new LateCounterStore()).build();
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), GatehouseHandler.inFront(gatehouse), new StreamingApp());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  @AfterAll
  void stop() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @AfterEach
  void noLeaks() throws InterruptedException {
    LeakRecorder.assertNoLeaks();
  }

  private int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private String awaitOutcome(String id) throws InterruptedException {
    for (int i = 0; i < 200 && outcomes.get(id) == null; i++) {
      Thread.sleep(25);
    }
    return outcomes.get(id);
  }

  /**
   * Calls a gated path with the JDK client: the response headers and the first 128 KiB must arrive while the
   * application waits at its gate; then the gate opens and the rest arrives.
   */
  private Streamed streamed(String pathAndQuery, String id) throws Exception {
    return streamed(pathAndQuery, id, id);
  }

  /** {@link #streamed(String, String)} where the application's gated call is {@code gated} ({@code id#call}). */
  private Streamed streamed(String pathAndQuery, String id, String gated) throws Exception {
    try {
      java.net.http.HttpResponse<InputStream> r = client.sendAsync(HttpRequest.newBuilder(uri(pathAndQuery
          + "&gate=" + GATE_AT + "&id=" + id)).build(), BodyHandlers.ofInputStream()).get(8, TimeUnit.SECONDS);
      try (InputStream in = r.body()) {
        byte[] first = CompletableFuture.supplyAsync(() -> {
          try {
            return in.readNBytes(128 * 1024);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).get(8, TimeUnit.SECONDS);
        assertThat(outcomes.get(gated)).as("the application is still writing").isNull();
        openGates.add(gated);
        byte[] rest = in.readAllBytes();
        byte[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return new Streamed(r, all);
      }
    } finally {
      openGates.add(gated); // never leave the application waiting
    }
  }

  private record Streamed(java.net.http.HttpResponse<InputStream> response, byte[] body) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  @Test
  void aLargeResponseStreamsThroughALightOutbound() throws Exception {
    String id = id();
    Streamed s = streamed("/files/stream?size=" + EIGHT_MIB, id);
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(s.header("X-Served-By")).isEqualTo("gatehouse");
    assertThat(s.header("X-App")).isEqualTo("streaming");
    assertThat(s.header("Content-Length")).isNull();
    assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(s.body()).hasSize(EIGHT_MIB);
    assertThat(Arrays.equals(s.body(), BODY)).as("every byte intact").isTrue();
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void aDeclaredLengthIsKept() throws Exception {
    String id = id();
    Streamed s = streamed("/files/stream?size=600000&length=true", id);
    assertThat(s.header("Content-Length")).isEqualTo("600000");
    assertThat(s.header("Transfer-Encoding")).isNull();
    assertThat(s.header("X-Served-By")).isEqualTo("gatehouse");
    assertThat(Arrays.equals(s.body(), body(600_000))).isTrue();
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void anOutcomeKnownLaterStillStreams() throws Exception {
    // The outbound's limit-concurrency gets its slot 150 ms later, off the event loop: the application's parts wait.
    String id = id();
    Streamed s = streamed("/files/later?size=" + (2 << 20), id);
    assertThat(s.header("X-Served-By")).isEqualTo("gatehouse");
    assertThat(s.header("X-Limited")).isEqualTo("yes");
    assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(Arrays.equals(s.body(), body(2 << 20))).isTrue();
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void theTimeoutEndsAtTheResponseHeaders() throws Exception {
    // forward-request timeout-ms="300"; the application's headers come at once, its body takes longer.
    String id = id();
    Streamed s = streamed("/files/slow?size=" + (1 << 20) + "&pauseMs=700", id);
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(s.body(), body(1 << 20))).isTrue();
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void anOutboundThatTransformsTheBodyBuffersIt() throws Exception {
    String id = id();
    java.net.http.HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/files/transformed?size="
        + (1 << 20) + "&id=" + id)).timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofByteArray());
    String expected = new String(body(1 << 20), StandardCharsets.US_ASCII).replace("abc", "ABC");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(expected.length()));
    assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(r.headers().firstValue("X-Served-By")).hasValue("gatehouse");
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(expected);
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void returnResponseInOutboundReplacesAStreamedBody() throws Exception {
    // The application stops at its gate: the replacement reaches the client while it is still writing.
    String id = id();
    try {
      java.net.http.HttpResponse<byte[]> r = client.sendAsync(HttpRequest.newBuilder(uri("/files/stream?size="
          + (2 << 20) + "&replace=yes&gate=" + GATE_AT + "&id=" + id)).build(), BodyHandlers.ofByteArray())
          .get(8, TimeUnit.SECONDS);
      assertThat(outcomes.get(id)).as("the application is still writing").isNull();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-Replaced")).hasValue("yes");
      assertThat(r.headers().firstValue("X-App")).isEmpty();
      assertThat(r.headers().firstValue("Content-Length")).hasValue("11");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("replacement");
    } finally {
      openGates.add(id);
    }
    assertThat(awaitOutcome(id)).as("the application's writes are discarded, and succeed").isEqualTo("ok");
    // the connection goes on once the application has finished the discarded stream
    java.net.http.HttpResponse<byte[]> after = client.send(HttpRequest.newBuilder(uri("/files/stream?size=1000"))
        .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofByteArray());
    assertThat(Arrays.equals(after.body(), body(1000))).isTrue();
  }

  @Test
  void aPipelinedRequestWaitsForTheDiscardedStreamToEnd() throws Exception {
    // The replacement is written while the application, at its gate, is still writing the discarded body: the next
    // request reaches the application once it has finished, not before.
    String replaced = id();
    String next = id();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /files/stream?size=" + (1 << 20) + "&replace=yes&gate=" + GATE_AT
          + "&id=" + replaced + " HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /files/stream?size=100000&id=" + next + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      RawResponse a = RawResponse.read(in);
      assertThat(a.headers()).containsEntry("x-replaced", "yes").containsEntry("content-length", "11");
      assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("replacement");
      Thread.sleep(100);
      assertThat(outcomes.get(replaced)).as("the application is still writing").isNull();
      assertThat(calls.get(next)).as("the next request waits").isNull();
      openGates.add(replaced);
      RawResponse b = RawResponse.read(in);
      assertThat(b.headers()).containsEntry("transfer-encoding", "chunked");
      assertThat(Arrays.equals(b.body(), body(100_000))).isTrue();
    } finally {
      openGates.add(replaced);
    }
    assertThat(awaitOutcome(replaced)).isEqualTo("ok");
    assertThat(awaitOutcome(next)).isEqualTo("ok");
  }

  @Test
  void aSecondForwardDiscardsTheStreamedResponseItReplaces() throws Exception {
    // The operation forwards, then its <base /> forwards again (a retry by hand: retry is not supported yet). The
    // 503's body has not been written when the second forward-request comes: the application gets the second request
    // once it has finished the first response, whose parts are discarded.
    String id = id();
    Streamed s = streamed("/files/retried?size=" + (1 << 20) + "&unavailable=1", id, id + "#2");
    assertThat(s.response().statusCode()).isEqualTo(200);
    assertThat(s.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(Arrays.equals(s.body(), body(1 << 20))).isTrue();
    assertThat(awaitOutcome(id)).as("the discarded 503").isEqualTo("ok");
    assertThat(awaitOutcome(id + "#2")).isEqualTo("ok");
    assertThat(calls.get(id)).isEqualTo(2);
  }

  @Test
  void pipelinedStreamedResponsesOnOneConnection() throws Exception {
    String first = id();
    String second = id();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /files/stream?size=300000&id=" + first + " HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /files/stream?size=200000&id=" + second + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      RawResponse a = RawResponse.read(in);
      RawResponse b = RawResponse.read(in);
      assertThat(in.read()).as("the connection closes after the second response").isEqualTo(-1);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.headers()).containsEntry("transfer-encoding", "chunked").containsEntry("x-served-by", "gatehouse")
          .doesNotContainKey("connection");
      assertThat(Arrays.equals(a.body(), body(300_000))).isTrue();
      assertThat(b.headers()).containsEntry("transfer-encoding", "chunked").containsEntry("connection", "close");
      assertThat(Arrays.equals(b.body(), body(200_000))).isTrue();
    }
    assertThat(awaitOutcome(first)).isEqualTo("ok");
    assertThat(awaitOutcome(second)).isEqualTo("ok");
  }

  @Test
  void anHttp10ClientGetsABodyEndedByTheConnection() throws Exception {
    String id = id();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /files/stream?size=300000&id=" + id + " HTTP/1.0\r\nHost: x\r\n"
          + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String head = text.substring(0, end).toLowerCase(Locale.ROOT);
      assertThat(head).startsWith("http/1.0 200").contains("x-served-by: gatehouse")
          .doesNotContain("transfer-encoding").doesNotContain("content-length").doesNotContain("keep-alive");
      assertThat(Arrays.equals(Arrays.copyOfRange(all, end + 4, all.length), body(300_000))).isTrue();
    }
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  @Test
  void curlReusesTheConnectionAfterAStreamedResponse(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one.bin");
    Path two = dir.resolve("two.bin");
    String url = uri("/files/stream?size=").toString();
    Curl r = Curl.run("-v", "-D", "-", "-o", one.toString(), "-o", two.toString(), url + (3 << 20), url + 500000);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).containsIgnoringCase("Re-using existing connection");
    assertThat(r.out().toLowerCase(Locale.ROOT)).contains("transfer-encoding: chunked").contains("x-served-by: gatehouse");
    assertThat(Arrays.equals(Files.readAllBytes(one), body(3 << 20))).isTrue();
    assertThat(Arrays.equals(Files.readAllBytes(two), body(500_000))).isTrue();
  }

  @Test
  void headOfAStreamedResource() throws Exception {
    String id = id();
    java.net.http.HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri("/files/stream?size=100000&id="
        + id)).method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
        BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("X-Served-By")).hasValue("gatehouse");
    assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    assertThat(r.headers().firstValue("Content-Length")).isEmpty();
    assertThat(awaitOutcome(id)).isEqualTo("ok");
    // the application writes a body even for HEAD, which is discarded; the connection is reused after a chunked
    // head, and a declared length is kept
    String url = uri("/files/stream?bodyOnHead=true&size=").toString();
    Curl curl = Curl.run("-v", "-I", url + 4321, url + "1234&length=true", url + 99);
    assertThat(curl.exit()).as(curl.err()).isZero();
    assertThat(curl.err()).containsIgnoringCase("Re-using existing connection");
    String[] heads = curl.out().toLowerCase(Locale.ROOT).split("\r\n\r\n");
    assertThat(heads[0]).contains("transfer-encoding: chunked").doesNotContain("content-length")
        .contains("x-served-by: gatehouse");
    assertThat(heads[1]).contains("content-length: 1234").doesNotContain("transfer-encoding");
    assertThat(heads[2]).startsWith("http/1.1 200").contains("transfer-encoding: chunked");
  }

  @Test
  void aClientLeavingMidStreamReleasesEverything() throws Exception {
    String id = id();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /files/stream?size=" + EIGHT_MIB + "&gate=" + GATE_AT + "&id=" + id
          + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().readNBytes(100_000)).hasSize(100_000);
    }
    openGates.add(id);
    assertThat(awaitOutcome(id)).as("the application's writes fail once the client is gone").startsWith("failed");
    // while the outcome is still unknown, the parts wait: the client leaves then
    String waiting = id();
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.getOutputStream().write(("GET /files/later?size=" + (1 << 20) + "&id=" + waiting
          + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(50);
    }
    assertThat(awaitOutcome(waiting)).startsWith("failed");
    java.net.http.HttpResponse<byte[]> after = client.send(HttpRequest.newBuilder(uri("/files/stream?size=1000"))
        .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofByteArray());
    assertThat(Arrays.equals(after.body(), body(1000))).isTrue();
  }

  /**
   * Backpressure: a client that stops reading holds the application back (its parts count towards the channel's
   * writability, so it stops writing), and nothing is lost when the client reads again.
   */
  @Test
  void aClientThatStopsReadingHoldsTheApplicationBack() throws Exception {
    String id = id();
    int size = 64 << 20;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /files/stream?length=true&size=" + size + "&id=" + id
          + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("content-length: " + size);
      Thread.sleep(700); // the client reads nothing
      int held = written.getOrDefault(id, 0);
      assertThat(held).as("bytes the application wrote while the client did not read").isLessThan(size / 4);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      while (total < size) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - total));
        assertThat(n).as("end of stream after %d bytes", total).isPositive();
        for (int i = 0; i < n; i++) {
          if (buffer[i] != (byte) ('a' + (total + i) % 26)) {
            throw new AssertionError("wrong byte at " + (total + i));
          }
        }
        total += n;
      }
    }
    assertThat(awaitOutcome(id)).isEqualTo("ok");
  }

  /** One HTTP/1.1 response read from a socket: status, lower-case headers, body (chunked or by length). */
  private record RawResponse(int status, Map<String, String> headers, byte[] body) {
    static RawResponse read(InputStream in) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(),
            16)) {
          body.write(in.readNBytes(size));
          line(in);
        }
        line(in); // the empty trailer
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      }
      return new RawResponse(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed in a line: " + s);
        }
        if (c != '\r') {
          s.append((char) c);
        }
      }
      return s.toString();
    }
  }

  /**
   * The application: a response head, then {@code size} bytes in 64 KiB parts, written while the channel is writable
   * and resumed when the last write completes. Parameters: {@code length=true} declares Content-Length (else chunked),
   * {@code replace=yes} asks the outbound to replace the body, {@code gate=N} stops after N bytes until the test opens
   * the gate of {@code id}, {@code pauseMs} waits that long before the body, {@code bodyOnHead} writes the body for
   * HEAD too, {@code unavailable=N} answers 503 to the first N calls of {@code id} (the same body, not gated, after a
   * 100 ms pause); a later call's outcome and gate are {@code id#call}.
   */
  private final class StreamingApp extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      QueryStringDecoder query = new QueryStringDecoder(request.uri());
      int size = Integer.parseInt(param(query, "size", "0"));
      String id = param(query, "id", id());
      int call = calls.merge(id, 1, Integer::sum);
      boolean unavailable = call <= Integer.parseInt(param(query, "unavailable", "0"));
      if (call > 1) {
        id = id + "#" + call;
      }
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, unavailable
          ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK);
      head.headers().set("X-App", "streaming");
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
      if ("true".equals(param(query, "length", null))) {
        HttpUtil.setContentLength(head, size);
      } else {
        HttpUtil.setTransferEncodingChunked(head, true);
      }
      if ("yes".equals(param(query, "replace", null))) {
        head.headers().set("X-Replace", "yes");
      }
      ctx.writeAndFlush(head);
      boolean noBody = request.method().equals(HttpMethod.HEAD) && param(query, "bodyOnHead", null) == null;
      int gate = unavailable ? -1 : Integer.parseInt(param(query, "gate", "-1"));
      Writer writer = new Writer(ctx, noBody ? 0 : size, gate, id);
      long pause = unavailable ? 100 : Long.parseLong(param(query, "pauseMs", "0"));
      if (pause > 0) {
        ctx.executor().schedule(writer::more, pause, TimeUnit.MILLISECONDS);
      } else {
        writer.more();
      }
    }

    private String param(QueryStringDecoder query, String name, String otherwise) {
      java.util.List<String> values = query.parameters().get(name);
      return values == null || values.isEmpty() ? otherwise : values.get(0);
    }
  }

  private final class Writer {
    private final ChannelHandlerContext ctx;
    private final int size;
    private final int gate;
    private final String id;
    private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    private int sent;

    Writer(ChannelHandlerContext ctx, int size, int gate, String id) {
      this.ctx = ctx;
      this.size = size;
      this.gate = gate;
      this.id = id;
    }

    /** Writes parts while the channel is writable; then continues when the last write completes. On the loop. */
    void more() {
      ChannelFuture last = null;
      while (sent < size) {
        if (gate >= 0 && sent >= gate && !openGates.contains(id) && System.nanoTime() < deadline) {
          ctx.flush();
          ctx.executor().schedule(this::more, 5, TimeUnit.MILLISECONDS); // waits without blocking the loop
          return;
        }
        int n = Math.min(CHUNK, size - sent);
        // BODY repeats every 26 bytes: from sent % 26 on it holds the bytes of any offset, so sizes may exceed it
        ByteBuf part = ctx.alloc().buffer(n).writeBytes(BODY, sent % 26, n);
        sent += n;
        written.put(id, sent);
        last = ctx.write(new DefaultHttpContent(part));
        if (!ctx.channel().isWritable()) {
          ctx.flush();
          last.addListener(f -> {
            if (f.isSuccess()) {
              more();
            } else {
              outcomes.putIfAbsent(id, "failed: " + f.cause());
            }
          });
          return;
        }
      }
      ctx.writeAndFlush(new DefaultLastHttpContent()).addListener(f -> outcomes.putIfAbsent(id,
          f.isSuccess() ? "ok" : "failed: " + f.cause()));
    }
  }

  /** The in-memory store, answering each check and slot 150 ms later on another thread. */
  private static final class LateCounterStore implements CounterStore {
    private final CounterStore store = new InMemoryCounterStore();
    private final Executor later = CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS);

    @Override
    public CompletionStage<CounterResult> hit(String key, CounterWindow window, long amount, long limit,
        Instant now) {
      return store.hit(key, window, amount, limit, now).thenApplyAsync(r -> r, later);
    }

    @Override
    public CompletionStage<CounterResult> peek(String key, CounterWindow window, long amount, long limit,
        Instant now) {
      return store.peek(key, window, amount, limit, now).thenApplyAsync(r -> r, later);
    }

    @Override
    public CompletionStage<Void> add(String key, CounterWindow window, long amount, Instant now) {
      return store.add(key, window, amount, now);
    }

    @Override
    public CompletionStage<Boolean> tryAcquire(String key, long maxCount) {
      return store.tryAcquire(key, maxCount).thenApplyAsync(r -> r, later);
    }

    @Override
    public CompletionStage<Void> release(String key) {
      return store.release(key);
    }
  }
}
