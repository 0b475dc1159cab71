package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter in a real servlet container, called by {@code curl} as a subprocess; one subclass per container.
 * Skipped when curl is missing, except with {@code CI=true}, where a missing curl fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatehouseFilterCurlContract {
  private ServletApp app;

  @TempDir
  Path dir;

  /** Starts the test application in this class's container. */
  abstract ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception;

  @BeforeAll
  void startServer() throws Exception {
    boolean present = curlPresent();
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("curl is required on CI (CI=true) but was not found on PATH");
    }
    assumeTrue(present, "curl not found on PATH: skipping the curl tests");
    app = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("/api").build(),
        true);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private static boolean curlPresent() {
    try {
      Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** curl's output: the response headers (all responses, in order) and the last body. */
  private record Curl(String headers, byte[] body, String written) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    int status() {
      String[] lines = headers.split("\r\n");
      String last = Arrays.stream(lines).filter(l -> l.startsWith("HTTP/")).reduce((a, b) -> b).orElseThrow();
      return Integer.parseInt(last.split(" ")[1]);
    }

    String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  private Curl curl(String... args) throws Exception {
    Path headers = dir.resolve("headers");
    Path body = dir.resolve("body");
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--http1.1", "--max-time", "20",
        "-D", headers.toString(), "-o", body.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String written = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("curl exit code; output: %s", written).isZero();
    return new Curl(Files.readString(headers, StandardCharsets.ISO_8859_1),
        Files.exists(body) ? Files.readAllBytes(body) : new byte[0], written);
  }

  @Test
  void getRunsThePoliciesAroundTheApplication() throws Exception {
    Curl r = curl("-H", "X-Custom: from-curl", app.uri("/api/echo/items/1?q=z").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Seen-X-Gateway")).isEqualTo("gatehouse");
    assertThat(r.header("X-Seen-X-Custom")).isEqualTo("from-curl");
    assertThat(r.header("X-Seen-Param-Q")).isEqualTo("z");
    assertThat(r.header("X-Served-By")).isEqualTo("gatehouse");
    assertThat(r.bodyText()).isEqualTo("hello /shop/api/echo/items/1");
  }

  @Test
  void chunkedUploadsAreEchoedWhole() throws Exception {
    Path upload = dir.resolve("upload");
    byte[] bytes = LargeBodyServlet.pattern(2_500_000);
    Files.write(upload, bytes);
    Curl r = curl("-H", "Transfer-Encoding: chunked", "-H", "Content-Type: application/x-bin",
        "--data-binary", "@" + upload, app.uri("/api/echo/items").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Seen-Content-Length")).isEqualTo("2500000");
    assertThat(Arrays.equals(r.body(), bytes)).isTrue();
  }

  @Test
  void largeResponsesStreamWhole() throws Exception {
    Curl r = curl(app.uri("/api/big/4000000").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("X-Served-By")).isEqualTo("gatehouse");
    assertThat(r.header("Content-Length")).isNull();
    assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(Arrays.equals(r.body(), LargeBodyServlet.pattern(4_000_000))).isTrue();
    Curl declared = curl(app.uri("/api/stream-async/3000000?length=true").toString());
    assertThat(declared.header("Content-Length")).isEqualTo("3000000");
    assertThat(Arrays.equals(declared.body(), StreamingServlet.body(3_000_000))).isTrue();
  }

  @Test
  void aTransformingOutboundBuffersLargeResponses() throws Exception {
    Curl r = curl(app.uri("/api/stream/transformed/2000000").toString());
    String expected = new String(StreamingServlet.body(2_000_000), StandardCharsets.US_ASCII).replace("abc", "ABC");
    assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(expected.length()));
    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(expected);
  }

  @Test
  void keepAliveReusesOneConnectionForTwoRequests() throws Exception {
    Path second = dir.resolve("second");
    Curl r = curl("-w", "%{num_connects}\n", app.uri("/api/echo/items/1").toString(), "-o", second.toString(),
        app.uri("/api/echo/items/2").toString());
    assertThat(r.written().strip().split("\\s+")).containsExactly("1", "0");
    assertThat(Files.readString(second)).isEqualTo("hello /shop/api/echo/items/2");
  }

  @Test
  void headIsAnswered() throws Exception {
    Curl r = curl("-I", app.uri("/api/echo/items/1").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).isEqualTo("28");
    // With -I curl writes the headers where a body would go: no body bytes follow them.
    assertThat(r.bodyText()).endsWith("\r\n\r\n").doesNotContain("hello");
  }

  @Test
  void errorsComeFromThePolicies() throws Exception {
    assertThat(curl(app.uri("/api/secure/items/1").toString()).status()).isEqualTo(401);
    assertThat(curl("-H", "Ocp-Apim-Subscription-Key: " + TestGateways.KEY, app.uri("/api/secure/items/1")
        .toString()).status()).isEqualTo(200);
    Curl failed = curl(app.uri("/api/echo/fail").toString());
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.header("X-On-Error")).isEqualTo("ExpressionValueEvaluationFailure");
    Curl mocked = curl(app.uri("/api/echo/mocked").toString());
    assertThat(mocked.status()).isEqualTo(418);
    assertThat(mocked.bodyText()).isEqualTo("short and stout");
  }

  @Test
  void corsPreflightIsAnsweredByTheFilter() throws Exception {
    Curl r = curl("-X", "OPTIONS", "-H", "Origin: https://allowed.test", "-H", "Access-Control-Request-Method: POST",
        app.uri("/api/echo/items").toString());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://allowed.test");
    assertThat(r.header("X-Seen-Method")).isNull();
  }

  @Test
  void theAsyncApplicationAnswersThroughTheOutboundPolicies() throws Exception {
    Curl r = curl(app.uri("/api/async/8").toString());
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("X-Outbound-Saw")).isEqualTo("202");
    assertThat(r.bodyText()).isEqualTo("async /shop/api/async/8");
  }
}
