package io.gatehouse.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What both adapter modes must do for real clients (JDK HttpClient and curl) on 127.0.0.1: the tree of
 * {@link TestTree} served at {@link #url()}, with a 4 MiB request limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealClientContract {
  static final int MAX_REQUEST = 4 * 1024 * 1024;

  static {
    LeakRecorder.install();
  }

  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Base URL of the adapter under test, e.g. {@code http://127.0.0.1:PORT}. */
  abstract String url();

  /** The path and query the backend (or application) receives for the {@code shop} API's {@code suffix}. */
  abstract String backendPath(String suffix);

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path));
  }

  static byte[] pattern(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  @Test
  void policiesRunOnTheWayInAndOut() throws Exception {
    HttpResponse<byte[]> r = send(get("/shop/hello").header("X-Client", "c1"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(r.headers().firstValue("X-Echo-Gateway")).hasValue("gatehouse");
    assertThat(r.headers().firstValue("X-Outbound")).hasValue("200");
    assertThat(r.headers().firstValue("X-Backend-Path")).hasValue(backendPath("/hello"));
    assertThat(r.headers().firstValue("Content-Length")).hasValue("5");
  }

  @Test
  void returnResponseAnswersWithoutTheBackend() throws Exception {
    HttpResponse<byte[]> r = send(get("/shop/short"));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.headers().firstValue("X-Short")).hasValue("yes");
    assertThat(r.headers().firstValue("X-Backend-Path")).isEmpty();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("short-circuit");
  }

  @Test
  void largeBodiesBothWays() throws Exception {
    byte[] upload = pattern(3 * 1024 * 1024 + 17);
    HttpResponse<byte[]> echoed = send(get("/shop/upload").POST(HttpRequest.BodyPublishers.ofByteArray(upload)));
    assertThat(echoed.statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(echoed.body(), upload)).as("echoed body equals the upload").isTrue();
    HttpResponse<byte[]> big = send(get("/shop/big?n=3000001"));
    assertThat(big.statusCode()).isEqualTo(200);
    assertThat(big.body()).hasSize(3000001);
    assertThat(big.body()[8192 + 1]).isEqualTo((byte) 'b');
  }

  @Test
  void chunkedUploadWithoutLengthIsAggregated() throws Exception {
    byte[] upload = pattern(1_500_000);
    // ofInputStream has no known length: the JDK client sends it chunked
    HttpResponse<byte[]> r = send(get("/shop/upload").POST(HttpRequest.BodyPublishers.ofInputStream(
        () -> new java.io.ByteArrayInputStream(upload))));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(r.body(), upload)).isTrue();
  }

  @Test
  void tooLargeRequestIs413() throws Exception {
    HttpResponse<byte[]> r = send(get("/shop/upload").POST(HttpRequest.BodyPublishers.ofByteArray(
        new byte[MAX_REQUEST + 1])));
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void expectContinueIsAnsweredOrRefused() throws Exception {
    byte[] upload = pattern(300_000);
    HttpResponse<byte[]> r = send(get("/shop/upload").expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofByteArray(upload)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(r.body(), upload)).isTrue();
    HttpResponse<byte[]> tooLarge = send(get("/shop/upload").expectContinue(true)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_REQUEST + 1])));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
  }

  /** Whether the handler puts requests together itself (false: an {@code HttpObjectAggregator} in front does). */
  boolean assemblesRequests() {
    return true;
  }

  @Test
  void tooLargeChunkedUploadIs413AndTheConnectionGoesOn() throws Exception {
    assumeTrue(assemblesRequests(), "HttpObjectAggregator closes the connection after this 413");
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write("POST /shop/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[65536];
      for (int sent = 0; sent <= MAX_REQUEST; sent += chunk.length) {
        out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\nGET /shop/hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all).startsWith("HTTP/1.1 413");
      assertThat(all.indexOf("HTTP/1.1 200")).as(all).isGreaterThan(0);
    }
  }

  @Test
  void unknownExpectationIs417AndMalformedRequestIs400() throws Exception {
    assumeTrue(assemblesRequests(), "HttpObjectAggregator keeps the connection after a 417");
    assertThat(exchangeRaw("POST /shop/upload HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 3\r\n"
        + "Connection: close\r\n\r\nabc")).startsWith("HTTP/1.1 417");
    assertThat(exchangeRaw("GET /shop/hello HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n"))
        .matches("(?s)HTTP/1\\.[01] 400 .*");
    assertThat(send(get("/shop/hello")).statusCode()).isEqualTo(200);
  }

  @Test
  void refusedExpectContinueLeavesTheConnectionUsable() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /shop/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
          + "Content-Length: " + (MAX_REQUEST + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
      // the body is never sent; the next request follows at once on the same connection
      socket.getOutputStream().write("GET /shop/hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      StringBuilder rest = new StringBuilder();
      for (String line; (line = in.readLine()) != null; ) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString()).contains("HTTP/1.1 200").endsWith("hello\n");
    }
  }

  @Test
  void continueWaitsForTheResponsesBeforeIt() throws Exception {
    assumeTrue(assemblesRequests(), "HttpObjectAggregator answers 100 Continue at once");
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /shop/slow HTTP/1.1\r\nHost: x\r\n\r\nPOST /shop/upload HTTP/1.1\r\nHost: x\r\n"
          + "Expect: 100-continue\r\nContent-Length: 3\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII));
      StringBuilder seen = new StringBuilder();
      for (String line; !(line = in.readLine()).contains("HTTP/1.1 100"); ) { // the 500's body has no newline
        seen.append(line).append('\n');
      }
      assertThat(seen.toString()).as("the slow request's answer comes first").startsWith("HTTP/1.1 500");
      out.write("abc".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      StringBuilder rest = new StringBuilder();
      for (String line; (line = in.readLine()) != null; ) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString()).contains("HTTP/1.1 200").endsWith("abc\n");
    }
  }

  /** Writes {@code request} on a new connection and reads until the server closes it. */
  String exchangeRaw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void headHasLengthButNoBody() throws Exception {
    HttpResponse<byte[]> r = send(get("/shop/hello").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Content-Length")).hasValue("5");
    assertThat(r.headers().firstValue("X-Outbound")).hasValue("200");
  }

  @Test
  void errorsKeepTheirStatus() throws Exception {
    HttpResponse<byte[]> noKey = send(get("/secure/secret"));
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(send(get("/nowhere")).statusCode()).isEqualTo(404);
    assertThat(send(get("/shop/fail")).statusCode()).isEqualTo(500);
    long start = System.nanoTime();
    assertThat(send(get("/shop/slow")).statusCode()).isEqualTo(500);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
  }

  @Test
  void curlSeesStatusHeadersBodyAndReusesTheConnection() throws Exception {
    Curl r = Curl.run("-v", "-i", url() + "/shop/hello", url() + "/shop/hello");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("HTTP/1.1 200 OK").containsIgnoringCase("x-outbound: 200").contains("hello");
    assertThat(r.err()).containsIgnoringCase("Re-using existing connection");
    Curl head = Curl.run("-I", url() + "/shop/hello");
    assertThat(head.out()).contains("HTTP/1.1 200").containsIgnoringCase("content-length: 5");
    Curl codes = Curl.run("-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null", "-w", "%{http_code} ", url() + "/secure/secret", url() + "/nowhere",
        url() + "/shop/fail");
    assertThat(codes.out().strip()).isEqualTo("401 404 500");
  }

  @Test
  void curlChunkedUploadAndLargeDownload(@TempDir Path dir) throws Exception {
    byte[] upload = pattern(2 * 1024 * 1024);
    Path in = Files.write(dir.resolve("in.bin"), upload);
    Path out = dir.resolve("out.bin");
    Curl r = Curl.run("-H", "Transfer-Encoding: chunked", "--data-binary", "@" + in, "-o", out.toString(),
        "-w", "%{http_code}", url() + "/shop/upload");
    assertThat(r.out()).as(r.err()).isEqualTo("200");
    assertThat(Arrays.equals(Files.readAllBytes(out), upload)).isTrue();
    Curl big = Curl.run("-o", out.toString(), "-w", "%{http_code} %{size_download}", url() + "/shop/big?n=4000000");
    assertThat(big.out()).isEqualTo("200 4000000");
  }

  @Test
  void clientDisconnectsLeakNothing() throws Exception {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", URI.create(url()).getPort());
    try (Socket socket = new Socket()) {
      socket.connect(address);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /shop/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[200_000]);
      out.flush();
    }
    try (Socket socket = new Socket()) {
      socket.connect(address);
      socket.getOutputStream().write("GET /shop/slow HTTP/1.1\r\nHost: x\r\n\r\nGET /shop/hello HTTP/1.1\r\nHost: x\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }
    Thread.sleep(600); // the slow request times out after 300 ms on a connection already gone
    assertThat(send(get("/shop/hello")).statusCode()).isEqualTo(200);
    LeakRecorder.assertNoLeaks();
  }

  @Test
  void pipelinedRequestsAnswerInOrder() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /shop/short HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /shop/hello HTTP/1.1\r\nHost: x\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      int first = all.indexOf("HTTP/1.1 202");
      int second = all.indexOf("HTTP/1.1 200");
      int third = all.indexOf("HTTP/1.1 404");
      assertThat(first).isGreaterThanOrEqualTo(0);
      assertThat(second).isGreaterThan(first);
      assertThat(third).isGreaterThan(second);
    }
  }

  /**
   * A hundred requests waiting behind a slow one are answered in turn (just below {@code HttpServerCodec}'s bound of
   * 128 pipelined requests; {@link PipelinedBurstTest} goes beyond it without the codec).
   */
  @Test
  void aHundredPipelinedRequestsBehindASlowOneAreAllAnswered() throws Exception {
    int n = 100;
    StringBuilder requests = new StringBuilder("GET /shop/slow HTTP/1.1\r\nHost: x\r\n\r\n");
    for (int i = 0; i < n; i++) {
      requests.append("GET /shop/hello HTTP/1.1\r\nHost: x\r\n").append(i == n - 1 ? "Connection: close\r\n" : "")
          .append("\r\n");
    }
    try (Socket socket = new Socket("127.0.0.1", URI.create(url()).getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all).startsWith("HTTP/1.1 500"); // the slow one timed out
      assertThat(all.split("HTTP/1.1 200", -1)).hasSize(n + 1);
    }
    LeakRecorder.assertNoLeaks();
  }
}
