package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.Subscription;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jetty sample's tree ({@code jetty-tree}) in-process with the harness: subscription keys, validate-jwt,
 * rate-limit-by-key, cors and the header transforms, without Jetty or sockets. The stub backend plays the servlet
 * application (the tree's serviceUrl is {@code http://app/api/orders}).
 */
class JettySamplePolicyTest {
  private static final Path TREE = Path.of("src/main/resources/jetty-tree");
  private static final String ORDERS = "http://gw.test/orders";
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final String ORIGIN = "http://localhost:3000";

  private StubBackend app;
  private TestGateway gateway;
  private String token;

  @BeforeEach
  void setUp() {
    app = StubBackend.always(200, HttpHeaders.of("Content-Type", "application/json", "X-Powered-By",
        "orders-servlet"), "{\"orders\":[]}");
    gateway = TestGateway.builder()
        .apiOpsTree(TREE)
        .namedValue(JettyFilterSample.SIGNING_KEY_NAMED_VALUE, SampleTokens.signingKeyBase64())
        .subscriptions(JettyFilterSample.demoSubscription(),
            Subscription.of("other", Subscription.Scope.API, "orders", "other-key", null))
        .backend(app)
        .clockAt(NOW)
        .build();
    token = SampleTokens.mint("alice", NOW, Duration.ofHours(1));
  }

  private TestRequest authorized(String url) {
    return withCredentials(url, JettyFilterSample.DEMO_KEY, token);
  }

  private static TestRequest withCredentials(String url, String key, String jwt) {
    return TestRequest.get(url).header("Ocp-Apim-Subscription-Key", key).header("Authorization", "Bearer " + jwt);
  }

  @Test
  void noSubscriptionKeyIs401BeforeAnyPolicy() {
    TestResult result = gateway.send(TestRequest.get(ORDERS).header("Authorization", "Bearer " + token));

    assertThat(result.status()).isEqualTo(401);
    assertThat(result.lastError().reason()).isEqualTo("SubscriptionKeyNotFound");
    assertThat(result.header("X-Gateway")).isEqualTo("gatehouse");
    assertThat(app.received()).isEmpty();
  }

  @Test
  void aKeyWithoutATokenIs401FromValidateJwt() {
    TestResult result = gateway.send(TestRequest.get(ORDERS)
        .header("Ocp-Apim-Subscription-Key", JettyFilterSample.DEMO_KEY));

    assertThat(result.status()).isEqualTo(401);
    assertThat(result.lastError().source()).isEqualTo("validate-jwt");
    assertThat(result.lastError().reason()).isEqualTo("TokenNotPresent");
    assertThat(result.bodyText()).contains("A valid Bearer token is required");
    assertThat(app.received()).isEmpty();
  }

  @Test
  void expiredAndForeignTokensAreRejected() {
    String expired = SampleTokens.mint("alice", NOW.minus(Duration.ofHours(2)), Duration.ofHours(1));
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);

    TestResult late = gateway.send(withCredentials(ORDERS, JettyFilterSample.DEMO_KEY, expired));
    TestResult bad = gateway.send(withCredentials(ORDERS, JettyFilterSample.DEMO_KEY, forged));

    assertThat(late.status()).isEqualTo(401);
    assertThat(late.lastError().reason()).isEqualTo("TokenExpired");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.lastError().reason()).isEqualTo("TokenSignatureInvalid");
  }

  @Test
  void keyAndTokenReachTheAppWithTheCallerButWithoutCredentials() {
    TestResult result = gateway.send(authorized(ORDERS + "/1"));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.backendRequest().uri()).hasToString("http://app/api/orders/1");
    HttpHeaders seen = result.backendRequest().headers();
    assertThat(seen.first("X-Caller")).isEqualTo("alice");
    assertThat(seen.first("X-Subscription")).isEqualTo(JettyFilterSample.DEMO_SUBSCRIPTION);
    assertThat(seen.contains("Authorization")).isFalse();
    assertThat(seen.contains("Ocp-Apim-Subscription-Key")).isFalse();
    assertThat(result.header("X-Gateway")).isEqualTo("gatehouse");
    assertThat(result.header("X-Powered-By")).as("removed on the way out").isNull();
    assertThat(result.header("X-RateLimit-Remaining")).isEqualTo("4");
  }

  @Test
  void theSixthCallInAMinuteIs429AndOtherSubscriptionsAreUnaffected() {
    for (int i = 0; i < 5; i++) {
      assertThat(gateway.send(authorized(ORDERS)).status()).as("call %d", i + 1).isEqualTo(200);
    }
    TestResult limited = gateway.send(authorized(ORDERS));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(app.received()).hasSize(5);
    assertThat(gateway.send(withCredentials(ORDERS, "other-key", token)).status())
        .isEqualTo(200);

    // The window slides: the calls leave it between 60 and 66 seconds later.
    gateway.clock().advance(Duration.ofSeconds(70));
    assertThat(gateway.send(authorized(ORDERS)).status()).as("a minute later").isEqualTo(200);
  }

  @Test
  void preflightFromTheAllowedOriginIsAnsweredWithoutKeyOrToken() {
    TestResult result = gateway.send(preflight(ORIGIN));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(result.header("Access-Control-Allow-Headers")).containsIgnoringCase("ocp-apim-subscription-key")
        .containsIgnoringCase("authorization");
    assertThat(app.received()).isEmpty();
  }

  @Test
  void preflightFromAnotherOriginGetsNoCorsHeaders() {
    TestResult result = gateway.send(preflight("http://evil.test"));

    assertThat(result.header("Access-Control-Allow-Origin")).isNull();
    assertThat(result.header("Access-Control-Allow-Headers")).isNull();
    assertThat(app.received()).isEmpty();
  }

  @Test
  void crossOriginCallsExposeTheRemainingCalls() {
    TestResult result = gateway.send(authorized(ORDERS).header("Origin", ORIGIN));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(result.header("Access-Control-Expose-Headers")).containsIgnoringCase("x-ratelimit-remaining");
  }

  private static TestRequest preflight(String origin) {
    return TestRequest.of("OPTIONS", ORDERS).header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization,ocp-apim-subscription-key");
  }
}
