package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.ProductDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPoliciesTest {
  private static final Subscription GOLD = Subscription.of("gold-sub", Subscription.Scope.PRODUCT, "gold", "g-1",
      null);
  private static final Subscription SILVER = Subscription.of("silver-sub", Subscription.Scope.PRODUCT, "gold",
      "s-1", null);

  private static TestGateway gateway(String apiPolicy, String productPolicy) {
    ApiDefinition.Builder api = ApiDefinition.builder("orders").displayName("Orders").path("orders")
        .serviceUrl("https://backend.test").subscriptionRequired(false)
        .operation("get-order", "GET", "/{id}").operation("list-orders", "GET", "/");
    if (apiPolicy != null) {
      api.policy(apiPolicy);
    }
    GatewayConfig.Builder config = GatewayConfig.builder().api(api.build());
    ProductDefinition.Builder gold = ProductDefinition.builder("gold").api("orders");
    if (productPolicy != null) {
      gold.policy(productPolicy);
    }
    config.product(gold.build());
    return TestGateway.builder().config(config.build()).subscriptions(GOLD, SILVER).build();
  }

  private static String policies(String inbound) {
    return "<policies><inbound><base />" + inbound + "</inbound><backend><base /></backend>"
        + "<outbound><base /></outbound><on-error><base /></on-error></policies>";
  }

  private static TestResult call(TestGateway gw, String key, String ip) {
    TestRequest request = TestRequest.get("https://gw.test/orders/1").clientIp(ip);
    if (key != null) {
      request.header("Ocp-Apim-Subscription-Key", key);
    }
    return gw.send(request);
  }

  @Test
  void rateLimitByKeyRefusesWith429RetryAfterAndTheObservedBody() {
    TestGateway gw = gateway(policies("<rate-limit-by-key calls=\"2\" renewal-period=\"60\" "
        + "counter-key=\"@(context.Request.IpAddress)\" remaining-calls-header-name=\"X-Remaining\" "
        + "remaining-calls-variable-name=\"left\" total-calls-header-name=\"X-Limit\" "
        + "retry-after-variable-name=\"wait\" />"), null);
    TestResult first = call(gw, null, "10.0.0.1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-Remaining")).isEqualTo("1");
    assertThat(first.header("X-Limit")).isEqualTo("2");
    assertThat(first.variable("left")).isEqualTo(1);
    assertThat(call(gw, null, "10.0.0.1").header("X-Remaining")).isEqualTo("0");
    gw.clock().advance(Duration.ofSeconds(10));
    TestResult refused = call(gw, null, "10.0.0.1");
    assertThat(refused.status()).isEqualTo(429);
    // the two admitted calls leave the window 60 s (+ at most one 6 s bucket) after they were made
    assertThat(refused.header("Retry-After")).isEqualTo("56");
    assertThat(refused.bodyText()).isEqualTo(
        "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 56 seconds.\"}");
    assertThat(refused.header("Content-Type")).isEqualTo("application/json");
    assertThat(refused.lastError().reason()).isEqualTo("RateLimitExceeded");
    assertThat(refused.lastError().source()).isEqualTo("rate-limit-by-key");
    assertThat(refused.lastError().message()).isEqualTo("Rate limit is exceeded");
    assertThat(refused.variable("wait")).isEqualTo(56);
    assertThat(refused.header("X-Remaining")).isEqualTo("0");
    assertThat(refused.backendRequest()).isNull();
    // another key has its own counter
    assertThat(call(gw, null, "10.0.0.2").status()).isEqualTo(200);
    // after Retry-After the first two calls have left; the refused call still counts (Observed), so one fits
    gw.clock().advance(Duration.ofSeconds(56));
    TestResult again = call(gw, null, "10.0.0.1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("X-Remaining")).isEqualTo("0");
    assertThat(call(gw, null, "10.0.0.1").status()).isEqualTo(429);
  }

  @Test
  void incrementConditionIsEvaluatedOnTheFinalResponse() {
    // counts only 200s: refusals (429) and backend errors do not use up the limit
    TestGateway gw = gateway(policies("<rate-limit-by-key calls=\"2\" renewal-period=\"30\" "
        + "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;&quot;))\" "
        + "increment-condition=\"@(context.Response.StatusCode == 200)\" retry-after-header-name=\"X-Wait\" />"),
        null);
    for (int i = 0; i < 5; i++) {
      assertThat(gw.send(TestRequest.get("https://gw.test/orders/1").header("X-Client", "a")).status())
          .as("call %d", i).isEqualTo(i < 2 ? 200 : 429);
    }
    TestResult refused = gw.send(TestRequest.get("https://gw.test/orders/1").header("X-Client", "a"));
    // calls of the first 3 s bucket leave after 30 s + one bucket (the documented error bound)
    assertThat(refused.header("X-Wait")).isEqualTo("33");
    assertThat(refused.header("Retry-After")).isNull();
    // the refusals did not count: once the two 200s leave the window, two calls fit again
    gw.clock().advance(Duration.ofSeconds(33));
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/1").header("X-Client", "a")).status()).isEqualTo(200);
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/1").header("X-Client", "a")).status()).isEqualTo(200);
  }

  @Test
  void incrementCountAndExpressionLimits() {
    TestGateway gw = gateway(policies("<rate-limit-by-key calls=\"@(10)\" renewal-period=\"@(60)\" "
        + "counter-key=\"k\" increment-count=\"@(4)\" />"), null);
    assertThat(call(gw, null, "1.1.1.1").status()).isEqualTo(200);
    assertThat(call(gw, null, "1.1.1.1").status()).isEqualTo(200);
    assertThat(call(gw, null, "1.1.1.1").status()).isEqualTo(429);
  }

  @Test
  void rateLimitActsPerSubscriptionOnlyWithAKey() {
    TestGateway gw = gateway(null, policies("<rate-limit calls=\"2\" renewal-period=\"60\" "
        + "remaining-calls-header-name=\"X-Remaining\" total-calls-header-name=\"X-Total\" />"));
    assertThat(call(gw, "g-1", "1.1.1.1").header("X-Remaining")).isEqualTo("1");
    assertThat(call(gw, "g-1", "1.1.1.1").status()).isEqualTo(200);
    TestResult refused = call(gw, "g-1", "1.1.1.1");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("66");
    assertThat(refused.lastError().source()).isEqualTo("rate-limit");
    assertThat(refused.lastError().scope()).isEqualTo("product");
    // another subscription of the same product has its own counter
    assertThat(call(gw, "s-1", "1.1.1.1").status()).isEqualTo(200);
    // keyless calls (the API allows them) are not limited
    for (int i = 0; i < 5; i++) {
      TestResult keyless = call(gw, null, "1.1.1.1");
      assertThat(keyless.status()).isEqualTo(200);
      assertThat(keyless.header("X-Remaining")).isNull();
    }
  }

  @Test
  void nestedApiAndOperationLimitsAreIndependentAndIdWinsOverName() {
    TestGateway gw = gateway(null, policies("<rate-limit calls=\"10\" renewal-period=\"60\" "
        + "remaining-calls-header-name=\"X-Remaining\" total-calls-header-name=\"X-Total\">"
        + "<api name=\"Orders\" calls=\"5\" renewal-period=\"60\">"
        + "<operation id=\"get-order\" name=\"no-such-name\" calls=\"2\" renewal-period=\"30\" />"
        + "<operation id=\"no-such-id\" name=\"list-orders\" calls=\"1\" renewal-period=\"30\" />"
        + "</api><api id=\"billing\" name=\"Orders\" calls=\"1\" renewal-period=\"60\" /></rate-limit>"));
    TestResult first = call(gw, "g-1", "1.1.1.1");
    assertThat(first.status()).isEqualTo(200);
    // the tightest level (operation: 2 calls) is reported
    assertThat(first.header("X-Remaining")).isEqualTo("1");
    assertThat(first.header("X-Total")).isEqualTo("2");
    assertThat(call(gw, "g-1", "1.1.1.1").status()).isEqualTo(200);
    TestResult refused = call(gw, "g-1", "1.1.1.1");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("33");
    // list-orders is not limited by get-order's operation limit (its name-matched one has id "no-such-id"),
    // but shares the API limit of 5 with the 3 get-order calls so far (the refused one counts)
    for (int i = 0; i < 2; i++) {
      assertThat(gw.send(TestRequest.get("https://gw.test/orders/").header("Ocp-Apim-Subscription-Key", "g-1"))
          .status()).isEqualTo(200);
    }
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/").header("Ocp-Apim-Subscription-Key", "g-1"))
        .status()).isEqualTo(429);
  }

  @Test
  void renewalPeriodsAbove300SecondsAreRejectedAtLoad() {
    assertThatThrownBy(() -> gateway(null, policies("<rate-limit calls=\"2\" renewal-period=\"301\" />")))
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("1 to 300 seconds");
  }
}
