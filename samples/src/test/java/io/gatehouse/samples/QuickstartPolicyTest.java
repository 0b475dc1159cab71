package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the quickstart APIOps tree in-process: no sockets, no real backend. Copy this class to test your own tree:
 * point {@link #TREE} at it, stub the backend, send requests, assert on what the client and the backend saw.
 */
class QuickstartPolicyTest {
  /** The tree under test; Maven runs tests from the module folder. */
  private static final Path TREE = Path.of("src/main/resources/quickstart-tree");
  private static final String GATEWAY = "http://gw.test/orders";
  private static final String BACKEND = "https://orders.backend.test/api";

  private StubBackend backend;
  private TestGateway gateway;

  @BeforeEach
  void setUp() {
    // One canned answer per backend route; everything else is echoed back (200, JSON describing the request).
    backend = StubBackend.echoing()
        .on("GET", BACKEND + "/orders/1", 200, HttpHeaders.of("Content-Type", "application/json"),
            "{\"id\":\"1\",\"item\":\"espresso beans\",\"quantity\":2,\"status\":\"shipped\"}")
        .on("POST", BACKEND + "/orders", 201, HttpHeaders.of("Content-Type", "application/json"),
            "{\"id\":\"3\",\"item\":\"tea\",\"quantity\":1,\"status\":\"placed\"}");
    gateway = TestGateway.builder()
        .apiOpsTree(TREE)
        .namedValue("orders-backend-url", BACKEND)
        .backend(backend)
        .clockAt(Instant.parse("2026-03-01T09:00:00Z"))
        .build();
  }

  @Test
  void getOrderIsRewrittenToTheBackendOrdersResource() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).contains("\"item\":\"espresso beans\"");
    assertThat(result.backendRequest().method()).isEqualTo("GET");
    assertThat(result.backendRequest().uri()).hasToString(BACKEND + "/orders/1");
    assertThat(result.variable("orderId")).isEqualTo("1");
    assertThat(result.header("Cache-Control")).isEqualTo("no-store");
    assertThat(result.header("X-Environment")).isEqualTo("local");
  }

  @Test
  void correlationIdIsKeptWhenSentAndForwardedBothWays() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1").header("X-Correlation-Id", "abc-123"));

    assertThat(result.backendRequest().headers().first("X-Correlation-Id")).isEqualTo("abc-123");
    assertThat(result.header("X-Correlation-Id")).isEqualTo("abc-123");
  }

  @Test
  void correlationIdStartsFromTheRequestIdWhenMissing() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1"));

    String generated = result.header("X-Correlation-Id");
    assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(result.backendRequest().headers().first("X-Correlation-Id")).isEqualTo(generated);
    assertThat(result.variable("correlationId")).isEqualTo(generated);
  }

  @Test
  void orderZeroIsAnsweredByTheGatewayWithoutCallingTheBackend() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/0"));

    assertThat(result.status()).isEqualTo(404);
    assertThat(result.header("Content-Type")).isEqualTo("application/json");
    assertThat(result.bodyText()).contains("\"error\": \"order-not-found\"");
    assertThat(result.header("X-Correlation-Id")).isEqualTo(result.variable("correlationId"));
    assertThat(result.backendRequest()).isNull();
    assertThat(backend.received()).isEmpty();
    assertThat(result.lastError()).as("return-response is not an error").isNull();
  }

  @Test
  void listOrdersKeepsTheQueryStringAfterTheRewrite() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "?status=shipped"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.backendRequest().uri()).hasToString(BACKEND + "/orders?status=shipped");
  }

  @Test
  void createOrderWithoutIdempotencyKeyFailsTheHeaderCheck() {
    TestResult result = gateway.send(newOrder());

    assertThat(result.status()).isEqualTo(400);
    assertThat(result.bodyText()).contains("Idempotency-Key header is required");
    assertThat(result.backendRequest()).isNull();
    LastError error = result.lastError();
    assertThat(error.source()).isEqualTo("check-header");
    assertThat(error.reason()).isEqualTo("HeaderNotFound");
    assertThat(error.section()).isEqualTo("inbound");
    assertThat(error.scope()).isEqualTo("operation");
    assertThat(result.header("X-Correlation-Id")).as("on-error still tags the response").isNotBlank();
  }

  @Test
  void createOrderWithIdempotencyKeyReachesTheBackendWithItsBody() {
    TestResult result = gateway.send(newOrder().header("Idempotency-Key", "k-42"));

    assertThat(result.status()).isEqualTo(201);
    assertThat(result.variable("idempotencyKey")).isEqualTo("k-42");
    assertThat(result.backendRequest().method()).isEqualTo("POST");
    assertThat(result.backendRequest().uri()).hasToString(BACKEND + "/orders");
    assertThat(result.backendRequest().headers().first("Idempotency-Key")).isEqualTo("k-42");
    assertThat(new String(result.backendRequest().body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"item\":\"tea\",\"quantity\":1}");
  }

  @Test
  void theGatewayStampsOrdersWithTheTimeItReceivedThem() {
    TestResult first = gateway.send(newOrder().header("Idempotency-Key", "k-1"));
    gateway.clock().advance(Duration.ofSeconds(90));
    TestResult second = gateway.send(newOrder().header("Idempotency-Key", "k-2"));

    assertThat(first.backendRequest().headers().first("X-Received-At")).isEqualTo("2026-03-01T09:00:00.0000000Z");
    assertThat(second.backendRequest().headers().first("X-Received-At")).isEqualTo("2026-03-01T09:01:30.0000000Z");
  }

  @Test
  void trackingIsMockedFromTheSpecificationWithoutABackendCall() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1/tracking"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.backendRequest()).isNull();
    assertThat(backend.received()).isEmpty();
    assertThat(result.steps()).extracting(step -> step.policy()).contains("mock-response");
    assertThat(result.header("Content-Type")).isEqualTo("application/json");
    assertThat(result.bodyText()).contains("\"carrier\":\"DHL\"");
  }

  @Test
  void callersOutsideLoopbackAreRejected() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1").clientIp("203.0.113.7"));

    assertThat(result.status()).isEqualTo(403);
    assertThat(result.lastError().reason()).isEqualTo("CallerIpNotAllowed");
    assertThat(result.backendRequest()).isNull();
    assertThat(result.header("X-Correlation-Id")).isEqualTo(result.variable("correlationId"));
    assertThat(gateway.send(TestRequest.get(GATEWAY + "/1").clientIp("::1")).status()).isEqualTo(200);
  }

  @Test
  void corsPreflightIsAnsweredByTheGateway() {
    TestResult result = gateway.send(TestRequest.of("OPTIONS", GATEWAY)
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,idempotency-key"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(result.header("Access-Control-Max-Age")).isEqualTo("300");
    assertThat(result.header("Access-Control-Allow-Methods")).isEqualTo("POST");
    assertThat(result.backendRequest()).isNull();
  }

  @Test
  void simpleCrossOriginRequestsGetCorsHeaders() {
    TestResult result = gateway.send(TestRequest.get(GATEWAY + "/1").header("Origin", "http://localhost:3000"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(result.header("Access-Control-Expose-Headers")).isEqualToIgnoringCase("x-correlation-id");
  }

  @Test
  void unknownPathsAreNotFoundBeforeAnyPolicyRuns() {
    TestResult result = gateway.send(TestRequest.get("http://gw.test/customers/1"));

    assertThat(result.status()).isEqualTo(404);
    assertThat(result.lastError().reason()).isEqualTo("OperationNotFound");
    assertThat(result.steps()).isEmpty();
  }

  private static TestRequest newOrder() {
    return TestRequest.post(GATEWAY).header("Content-Type", "application/json")
        .body("{\"item\":\"tea\",\"quantity\":1}");
  }
}
