package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Netty sample's tree ({@code netty-tree}) in-process with the harness. */
class NettySamplePolicyTest {
  private static final Path TREE = Path.of("src/main/resources/netty-tree");
  private static final String ORDERS = "http://gw.test/orders";
  private static final String BACKEND = "https://orders.backend.test/api";

  private StubBackend backend;
  private TestGateway gateway;

  @BeforeEach
  void setUp() {
    backend = StubBackend.always(200, HttpHeaders.of("Content-Type", "application/json"), "{\"id\":\"1\"}");
    gateway = TestGateway.builder()
        .apiOpsTree(TREE)
        .namedValue(NettyGatewaySample.BACKEND_NAMED_VALUE, BACKEND)
        .backend(backend)
        .build();
  }

  @Test
  void publicPathsAreRewrittenToTheBackendsAndHeadersAddedBothWays() {
    TestResult one = gateway.send(TestRequest.get(ORDERS + "/1"));
    TestResult list = gateway.send(TestRequest.get(ORDERS + "?status=shipped"));

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.backendRequest().uri()).hasToString(BACKEND + "/orders/1");
    assertThat(one.backendRequest().headers().first("X-Forwarded-By")).isEqualTo("gatehouse-netty");
    assertThat(one.header("X-Gateway")).isEqualTo("gatehouse-netty");
    assertThat(one.header("Cache-Control")).isEqualTo("no-store");
    assertThat(one.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(list.backendRequest().uri()).hasToString(BACKEND + "/orders?status=shipped");
  }

  @Test
  void eachClientIpGetsTenCallsAMinute() {
    for (int i = 0; i < 10; i++) {
      TestResult ok = gateway.send(TestRequest.get(ORDERS + "/1").clientIp("10.0.0.1"));
      assertThat(ok.status()).as("call %d", i + 1).isEqualTo(200);
      assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(9 - i));
    }
    TestResult limited = gateway.send(TestRequest.get(ORDERS + "/1").clientIp("10.0.0.1"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-Gateway")).isEqualTo("gatehouse-netty");
    assertThat(backend.received()).hasSize(10);
    assertThat(gateway.send(TestRequest.get(ORDERS + "/1").clientIp("10.0.0.2")).status()).isEqualTo(200);
    gateway.clock().advance(Duration.ofSeconds(70));
    assertThat(gateway.send(TestRequest.get(ORDERS + "/1").clientIp("10.0.0.1")).status()).isEqualTo(200);
  }

  @Test
  void unknownOperationsAre404WithoutABackendCall() {
    TestResult result = gateway.send(TestRequest.get("http://gw.test/customers"));

    assertThat(result.status()).isEqualTo(404);
    assertThat(backend.received()).isEmpty();
  }
}
