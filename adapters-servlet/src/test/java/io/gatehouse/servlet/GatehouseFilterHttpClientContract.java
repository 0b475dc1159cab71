package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.Socket;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The filter in a real servlet container, called by the JDK HttpClient over loopback; one subclass per container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatehouseFilterHttpClientContract {
  private ServletApp app;
  private ServletApp blocking;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Starts the test application in this class's container. */
  abstract ServletApp start(GatehouseFilter filter, boolean asyncSupported) throws Exception;

  @BeforeAll
  void startServers() throws Exception {
    app = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("/api")
        .trustedProxies("127.0.0.0/8").build(), true);
    blocking = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse()).urlPrefix("api/")
        .unmatchedRequests(UnmatchedRequests.NOT_FOUND).maxRequestBodyBytes(64 * 1024).build(), false);
  }

  @AfterAll
  void stopServers() throws Exception {
    app.close();
    blocking.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder get(ServletApp server, String path) {
    return HttpRequest.newBuilder(server.uri(path));
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  @Test
  void inboundAndOutboundPoliciesWrapTheApplication() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/items/1?q=a%20b").header("X-Custom", "c1"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "X-Seen-X-Gateway")).isEqualTo("gatehouse");
    assertThat(header(r, "X-Seen-X-Custom")).isEqualTo("c1");
    assertThat(header(r, "X-Seen-Uri")).isEqualTo("/shop/api/echo/items/1");
    assertThat(header(r, "X-Seen-Query")).isEqualTo("q=a%20b");
    assertThat(header(r, "X-Seen-Param-Q")).isEqualTo("a b");
    assertThat(header(r, "X-Seen-Host")).startsWith("127.0.0.1:");
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
    assertThat(header(r, "X-App-Method")).isEqualTo("GET");
    assertThat(header(r, "Content-Type")).isEqualTo("text/plain;charset=utf-8");
    assertThat(r.body()).isEqualTo("hello /shop/api/echo/items/1");
  }

  @Test
  void theApplicationSeesTheRewrittenPathAndQuery() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/old/5?q=x"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "X-Seen-Uri")).isEqualTo("/shop/api/echo/new/5");
    assertThat(header(r, "X-Seen-Query")).isEqualTo("q=x");
    assertThat(header(r, "X-Seen-Param-Q")).isEqualTo("x");
    assertThat(r.body()).isEqualTo("hello /shop/api/echo/new/5");
  }

  @Test
  void aServlet61RedirectGoesThroughTheOutboundPolicies() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/servlet-6.1?to=/shop/elsewhere"));
    assumeTrue(r.statusCode() != 501, "a Servlet 6.0 container has no sendRedirect(String, int, boolean)");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(header(r, "Location")).isEqualTo("/shop/elsewhere");
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
  }

  @Test
  void servlet61CharsetsApplyToTheApplicationsRequestAndResponse() throws Exception {
    HttpResponse<byte[]> r = CLIENT.send(get(app, "/api/echo/servlet-6.1").header("Content-Type", "text/plain")
        .POST(BodyPublishers.ofString("h\u00e9llo", StandardCharsets.UTF_16)).build(), BodyHandlers.ofByteArray());
    assumeTrue(r.statusCode() != 501, "a Servlet 6.0 container has no setCharacterEncoding(Charset)");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).containsIgnoringCase("charset=UTF-8");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("read h\u00e9llo");
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
  }

  @Test
  void returnResponseNeverReachesTheApplication() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/mocked"));
    assertThat(r.statusCode()).isEqualTo(418);
    assertThat(header(r, "X-Mocked")).isEqualTo("yes");
    assertThat(header(r, "X-Seen-Method")).isNull();
    assertThat(r.body()).isEqualTo("short and stout");
  }

  @Test
  void checkHeaderRefusesAndAdmits() throws Exception {
    HttpResponse<String> refused = send(get(app, "/api/echo/checked"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("token missing");
    assertThat(header(refused, "X-Seen-Method")).isNull();
    HttpResponse<String> admitted = send(get(app, "/api/echo/checked").header("X-Token", "let-me-in"));
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(header(admitted, "X-Seen-X-Token")).isEqualTo("let-me-in");
  }

  @Test
  void subscriptionKeyIsRequiredWhereTheApiSaysSo() throws Exception {
    HttpResponse<String> missing = send(get(app, "/api/secure/items/1"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(header(missing, "WWW-Authenticate")).startsWith("AzureApiManagementKey")
        .contains("realm=\"" + app.uri("/api/secure") + "\"");
    assertThat(header(missing, "X-On-Error")).isEqualTo("SubscriptionKeyNotFound");
    HttpResponse<String> ok = send(get(app, "/api/secure/items/1").header("Ocp-Apim-Subscription-Key", "key-1"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(header(ok, "X-Seen-Uri")).isEqualTo("/shop/api/echo/items/1");
  }

  @Test
  void anExpressionFailureIs500AndRunsOnError() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/fail"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(header(r, "X-On-Error")).isEqualTo("ExpressionValueEvaluationFailure");
    assertThat(header(r, "X-Seen-Method")).isNull();
  }

  @Test
  void aPolicyCannotSplitAResponseHeader() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/inject"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(header(r, "X-Injected")).isNull();
    assertThat(header(r, "X-Split")).isNull();
  }

  @Test
  void outboundSetBodyReplacesTheApplicationsBody() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/transformed/7"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("transformed: hello /shop/api/echo/transformed/7");
    assertThat(header(r, "Content-Length")).isEqualTo(Integer.toString(r.body().length()));
  }

  @Test
  void corsPreflightIsAnsweredByTheFilter() throws Exception {
    HttpResponse<String> allowed = send(get(app, "/api/echo/items/1").method("OPTIONS", BodyPublishers.noBody())
        .header("Origin", "https://allowed.test").header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "X-Custom"));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo("https://allowed.test");
    assertThat(header(allowed, "X-Seen-Method")).isNull();
    HttpResponse<String> other = send(get(app, "/api/echo/items/1").method("OPTIONS", BodyPublishers.noBody())
        .header("Origin", "https://evil.test").header("Access-Control-Request-Method", "GET"));
    assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
    HttpResponse<String> actual = send(get(app, "/api/echo/items/1").header("Origin", "https://allowed.test"));
    assertThat(header(actual, "Access-Control-Allow-Origin")).isEqualTo("https://allowed.test");
  }

  @Test
  void unmatchedRequestsGoToTheApplicationByDefault() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/nothing/here"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "X-Served-By")).isNull();
    assertThat(r.body()).isEqualTo("hello /shop/api/echo/nothing/here");
    HttpResponse<String> posted = send(get(app, "/api/echo/items/9").POST(BodyPublishers.ofString("payload")));
    assertThat(posted.body()).isEqualTo("payload");
    assertThat(header(posted, "X-Served-By")).isNull();
    HttpResponse<String> outside = send(get(app, "/health"));
    assertThat(outside.body()).isEqualTo("hello /shop/health");
    assertThat(header(outside, "X-Served-By")).isNull();
  }

  @Test
  void unmatchedRequestsCanBe404() throws Exception {
    HttpResponse<String> r = send(get(blocking, "/api/echo/nothing/here"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Resource not found");
    assertThat(send(get(blocking, "/health")).body()).isEqualTo("hello /shop/health");
  }

  @Test
  void anAsynchronousApplicationIsTheBackend() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/async/3"));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(header(r, "X-Async")).isEqualTo("done");
    assertThat(header(r, "X-Outbound-Saw")).isEqualTo("202");
    assertThat(r.body()).isEqualTo("async /shop/api/async/3");
  }

  @Test
  void largeStreamedResponsesArriveWhole() throws Exception {
    HttpResponse<byte[]> r = CLIENT.send(get(app, "/api/big/5000000").build(), BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
    assertThat(Arrays.equals(r.body(), LargeBodyServlet.pattern(5_000_000))).isTrue();
  }

  @Test
  void largeAndChunkedRequestBodiesReachTheApplication() throws Exception {
    byte[] chunked = LargeBodyServlet.pattern(3_000_000);
    HttpResponse<byte[]> r = CLIENT.send(get(app, "/api/echo/items").header("Content-Type", "application/x-bin")
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))).build(),
        BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "X-Seen-Content-Length")).isEqualTo("3000000");
    assertThat(header(r, "X-Seen-Transfer-Encoding")).isNull();
    assertThat(Arrays.equals(r.body(), chunked)).isTrue();
    byte[] sized = LargeBodyServlet.pattern(6_000_000);
    HttpResponse<byte[]> s = CLIENT.send(get(app, "/api/echo/items").POST(BodyPublishers.ofByteArray(sized)).build(),
        BodyHandlers.ofByteArray());
    assertThat(Arrays.equals(s.body(), sized)).isTrue();
  }

  @Test
  void theOriginalUrlFollowsTheHostOfEachRequest() throws Exception {
    int port = app.uri("").getPort();
    String[][] cases = {
        {"127.0.0.1:" + port, "http://127.0.0.1:" + port + "/shop/api/echo/url?x=1"},
        {"localhost:" + port, "http://localhost:" + port + "/shop/api/echo/url?x=1"},
        {"[::1]:" + port, "http://[::1]:" + port + "/shop/api/echo/url?x=1"},
        {"gw.example:8443", "http://gw.example:8443/shop/api/echo/url?x=1"},
        {"127.0.0.1:" + port, "http://127.0.0.1:" + port + "/shop/api/echo/url?x=1"},
    };
    for (String[] c : cases) {
      assertThat(seenHeader(port, "GET /shop/api/echo/url?x=1 HTTP/1.1\r\nHost: " + c[0]
          + "\r\nConnection: close\r\n\r\n", "X-Seen-X-Original-Url")).as(c[0]).isEqualTo(c[1]);
    }
  }

  /** Sends a raw request (any Host) and returns one response header. */
  private static String seenHeader(int port, String request, String name) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      for (String line : response.split("\r\n")) {
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          return line.substring(name.length() + 1).strip();
        }
      }
      return null;
    }
  }

  @Test
  void keepAliveConnectionsAreReused() throws Exception {
    HttpResponse<String> first = send(get(app, "/api/echo/items/1"));
    HttpResponse<String> second = send(get(app, "/api/echo/items/2"));
    assertThat(header(first, "X-Seen-Remote-Port")).isEqualTo(header(second, "X-Seen-Remote-Port"));
  }

  @Test
  void headAnswersTheLengthWithoutABody() throws Exception {
    HttpResponse<String> r = send(get(app, "/api/echo/items/1").method("HEAD", BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(header(r, "Content-Length")).isEqualTo(
        Integer.toString("hello /shop/api/echo/items/1".getBytes(StandardCharsets.UTF_8).length));
    assertThat(header(r, "X-Served-By")).isEqualTo("gatehouse");
  }

  @Test
  void theClientIpComesFromTrustedProxiesOnly() throws Exception {
    HttpResponse<String> trusted = send(get(app, "/api/echo/items/1").header("X-Forwarded-For", "203.0.113.9"));
    assertThat(header(trusted, "X-Seen-X-Client-Ip")).isEqualTo("203.0.113.9");
    HttpResponse<String> untrusted = send(get(blocking, "/api/echo/items/1")
        .header("X-Forwarded-For", "203.0.113.9"));
    assertThat(header(untrusted, "X-Seen-X-Client-Ip")).isEqualTo("127.0.0.1");
  }

  @Test
  void aChainWithoutAsyncReadsBodiesAndEnforcesTheLimit() throws Exception {
    HttpResponse<String> ok = send(get(blocking, "/api/echo/items").POST(BodyPublishers.ofString("small body")));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("small body");
    HttpResponse<String> declared = send(get(blocking, "/api/echo/items")
        .POST(BodyPublishers.ofByteArray(new byte[100_000])));
    assertThat(declared.statusCode()).isEqualTo(413);
    HttpResponse<String> streamed = send(get(blocking, "/api/echo/items")
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[100_000]))));
    assertThat(streamed.statusCode()).isEqualTo(413);
  }

  /**
   * The engine waits (an OpenID provider answering later) before it calls the application: on Jetty the filter goes
   * asynchronous and calls it from the asynchronous cycle, elsewhere the request thread waits (the chain is only
   * good inside doFilter). Bodies arrive either way.
   */
  @Test
  void theEngineMayWaitBeforeItCallsTheApplication() throws Exception {
    for (boolean async : new boolean[] {true, false}) {
      try (ServletApp slow = start(GatehouseFilter.builder().gatehouse(SlowIdentityProvider.gatehouse())
          .urlPrefix("/api").build(), async)) {
        String bearer = "Bearer " + SlowIdentityProvider.token();
        // the first request waits for the provider's documents (each server has a new engine), later ones do not
        HttpResponse<String> post = send(HttpRequest.newBuilder(slow.uri("/api/jwt/items"))
            .header("Authorization", bearer).POST(BodyPublishers.ofString("posted after the wait")));
        assertThat(post.statusCode()).as("async %s", async).isEqualTo(200);
        assertThat(post.body()).isEqualTo("posted after the wait");
        HttpResponse<String> get = send(HttpRequest.newBuilder(slow.uri("/api/jwt/items/7"))
            .header("Authorization", bearer));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello /shop/api/jwt/items/7");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(slow.uri("/api/jwt/items/7")));
        assertThat(refused.statusCode()).isEqualTo(401);
      }
    }
  }

  @Test
  void anAsyncChainEnforcesTheLimitWhileReading() throws Exception {
    try (ServletApp small = start(GatehouseFilter.builder().gatehouse(TestGateways.gatehouse())
        .urlPrefix("/api").maxRequestBodyBytes(1000).build(), true)) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(small.uri("/api/echo/items"))
          .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[50_000]))));
      assertThat(r.statusCode()).isEqualTo(413);
      HttpResponse<String> fits = send(HttpRequest.newBuilder(small.uri("/api/echo/items"))
          .POST(BodyPublishers.ofString("fits")));
      assertThat(fits.body()).isEqualTo("fits");
    }
  }

}
