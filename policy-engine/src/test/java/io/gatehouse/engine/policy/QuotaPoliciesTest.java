package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.ProductDefinition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaPoliciesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  // started 10 minutes before the clock: hourly periods end at 00:50, 01:50, ...
  private static final Subscription GOLD = new Subscription("gold-sub", "Gold", Subscription.Scope.PRODUCT, "gold",
      Subscription.State.ACTIVE, "g-1", null, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofMinutes(10)),
      null, null);

  private static TestGateway gateway(String apiPolicy, String productPolicy) {
    ApiDefinition.Builder api = ApiDefinition.builder("orders").displayName("Orders").path("orders")
        .serviceUrl("https://backend.test").subscriptionRequired(false)
        .operation("get-order", "GET", "/{id}").operation("create-order", "POST", "/");
    if (apiPolicy != null) {
      api.policy(apiPolicy);
    }
    ProductDefinition.Builder gold = ProductDefinition.builder("gold").api("orders");
    if (productPolicy != null) {
      gold.policy(productPolicy);
    }
    return TestGateway.builder().config(GatewayConfig.builder().api(api.build()).product(gold.build()).build())
        .clockAt(NOW).subscriptions(GOLD).build();
  }

  private static String policies(String inbound) {
    return "<policies><inbound><base />" + inbound + "</inbound><backend><base /></backend>"
        + "<outbound><base /></outbound><on-error><base /></on-error></policies>";
  }

  private static TestResult get(TestGateway gw, String key) {
    TestRequest request = TestRequest.get("https://gw.test/orders/1");
    if (key != null) {
      request.header("Ocp-Apim-Subscription-Key", key);
    }
    return gw.send(request);
  }

  @Test
  void quotaPeriodsStartAtTheSubscriptionStartAndRefuseWith403() {
    TestGateway gw = gateway(null, policies("<quota calls=\"2\" renewal-period=\"3600\" />"));
    assertThat(get(gw, "g-1").status()).isEqualTo(200);
    assertThat(get(gw, "g-1").status()).isEqualTo(200);
    gw.clock().advance(Duration.ofMinutes(20)); // 00:20, the period ends at 00:50
    TestResult refused = get(gw, "g-1");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Retry-After")).isEqualTo("1800");
    assertThat(refused.bodyText()).isEqualTo("{\"statusCode\": 403, \"message\": \"Out of call volume quota. "
        + "Quota will be replenished in 00:30:00.\"}");
    assertThat(refused.lastError().reason()).isEqualTo("QuotaExceeded");
    assertThat(refused.lastError().source()).isEqualTo("quota");
    assertThat(refused.lastError().message()).isEqualTo("Out of call volume quota. Quota will be replenished in "
        + "00:30:00.");
    // keyless calls are not counted
    assertThat(get(gw, null).status()).isEqualTo(200);
    gw.clock().advance(Duration.ofMinutes(30)); // 00:50: a new period
    assertThat(get(gw, "g-1").status()).isEqualTo(200);
  }

  @Test
  void bandwidthIsCountedAfterTheResponseAndNestedLimitsInheritThePeriod() {
    // the echo backend answers with a body; 1 KB of bandwidth is used up by the first call with a 2 KB body
    TestGateway gw = gateway(null, policies("<quota calls=\"100\" renewal-period=\"86400\">"
        + "<api id=\"orders\" bandwidth=\"1\"><operation name=\"create-order\" calls=\"1\" /></api></quota>"));
    TestRequest big = TestRequest.post("https://gw.test/orders/").header("Ocp-Apim-Subscription-Key", "g-1")
        .body("x".repeat(2048));
    assertThat(gw.send(big).status()).isEqualTo(200);
    TestResult refused = get(gw, "g-1");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.lastError().message()).isEqualTo("Out of bandwidth quota. Quota will be replenished in "
        + "23:50:00.");
    assertThat(refused.header("Retry-After")).isEqualTo("85800");
    gw.clock().advance(Duration.ofDays(1));
    // the operation limit of 1 call: the second create-order is refused by call volume
    TestRequest small = TestRequest.post("https://gw.test/orders/").header("Ocp-Apim-Subscription-Key", "g-1");
    assertThat(gw.send(small).status()).isEqualTo(200);
    TestResult second = gw.send(small);
    assertThat(second.status()).isEqualTo(403);
    assertThat(second.lastError().message()).startsWith("Out of call volume quota.");
    assertThat(second.lastError().message()).endsWith("in 23:50:00.");
  }

  @Test
  void quotaByKeyAlignsToFirstPeriodStartAndReportsDaysAsObserved() {
    TestGateway gw = gateway(policies("<quota-by-key calls=\"1\" renewal-period=\"604800\" "
        + "counter-key=\"@(context.Request.IpAddress)\" first-period-start=\"2025-12-29T00:00:00Z\" />"), null);
    TestRequest a = TestRequest.get("https://gw.test/orders/1").clientIp("10.0.0.1");
    assertThat(gw.send(a).status()).isEqualTo(200);
    TestResult refused = gw.send(a);
    assertThat(refused.status()).isEqualTo(403);
    // weekly periods from Monday 2025-12-29: the next starts 2026-01-05, 4 days after the clock
    assertThat(refused.header("Retry-After")).isEqualTo("345600");
    assertThat(refused.lastError().message()).isEqualTo("Out of call volume quota. Quota will be replenished in "
        + "4.00 days.");
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/1").clientIp("10.0.0.2")).status()).isEqualTo(200);
    gw.clock().advance(Duration.ofDays(4));
    assertThat(gw.send(a).status()).isEqualTo(200);
  }

  @Test
  void quotaByKeyWithRenewalPeriodZeroNeverResets() {
    TestGateway gw = gateway(policies("<quota-by-key calls=\"2\" renewal-period=\"0\" counter-key=\"all\" />"),
        null);
    assertThat(get(gw, null).status()).isEqualTo(200);
    assertThat(get(gw, null).status()).isEqualTo(200);
    gw.clock().advance(Duration.ofDays(3650));
    TestResult refused = get(gw, null);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Retry-After")).isNull();
    assertThat(refused.lastError().message()).isEqualTo("Out of call volume quota. Quota will not be replenished.");
  }

  @Test
  void quotaByKeyCountsAKeyOncePerRequestAndHonoursIncrementCondition() {
    // two policies on the same key in one request count it once
    TestGateway twice = gateway(policies("<quota-by-key calls=\"2\" renewal-period=\"60\" counter-key=\"k\" />"
        + "<quota-by-key calls=\"2\" renewal-period=\"60\" counter-key=\"k\" />"), null);
    assertThat(get(twice, null).status()).isEqualTo(200);
    assertThat(get(twice, null).status()).isEqualTo(200);
    assertThat(get(twice, null).status()).isEqualTo(403);
    // only successful calls count: a refused call (403) does not use up the quota
    TestGateway conditional = gateway(policies("<quota-by-key calls=\"1\" renewal-period=\"60\" counter-key=\"k\" "
        + "increment-condition=\"@(context.Response.StatusCode == 200)\" increment-count=\"@(1)\" />"), null);
    assertThat(get(conditional, null).status()).isEqualTo(200);
    assertThat(get(conditional, null).status()).isEqualTo(403);
    conditional.clock().advance(Duration.ofSeconds(60));
    TestResult next = get(conditional, null);
    assertThat(next.status()).as(next.bodyText() + next.lastError()).isEqualTo(200);
  }
}
