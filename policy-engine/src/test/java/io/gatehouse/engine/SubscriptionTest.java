package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.Subscription;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.engine.subscription.SubscriptionFile;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.ProductDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {
  private static final String GLOBAL = "<policies><inbound><set-header name=\"X-Who\"><value>@(("
      + "context.Subscription == null ? \"anonymous\" : context.Subscription.Id + \"/\" + context.Subscription.Key) + "
      + "\"|\" + (context.Product == null ? \"-\" : context.Product.Name) + \"|\" + (context.User == null ? \"-\" : "
      + "context.User.Email))</value></set-header></inbound><backend><forward-request /></backend>"
      + "<outbound /><on-error><set-header name=\"X-On-Error\"><value>@(context.LastError.Source + \"/\" + "
      + "context.LastError.Reason)</value></set-header></on-error></policies>";

  private static final String PRODUCT_POLICY = "<policies><inbound><base /><set-header name=\"X-Product-Policy\">"
      + "<value>applied</value></set-header></inbound></policies>";

  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static TestGateway gateway(boolean ordersRequiresKey, boolean openProduct, Subscription... subs) {
    GatewayConfig.Builder config = GatewayConfig.builder().globalPolicy(GLOBAL)
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(ordersRequiresKey).operation("get", "GET", "/{id}").build())
        .api(ApiDefinition.builder("billing").path("billing").serviceUrl("https://billing.test")
            .subscriptionKeyNames("X-Billing-Key", "bkey").operation("get", "GET", "/{id}").build())
        .product(ProductDefinition.builder("gold").displayName("Gold").api("orders", "billing").policy(PRODUCT_POLICY)
            .build());
    if (openProduct) {
      config.product(ProductDefinition.builder("free").displayName("Free").subscriptionRequired(false)
          .api("orders").policy(PRODUCT_POLICY).build());
    }
    return TestGateway.builder().config(config.build()).clockAt(NOW).subscriptions(subs).build();
  }

  private static String who(TestResult r) {
    return r.backendRequest().headers().first("X-Who");
  }

  private static final Subscription ALL = Subscription.of("all-sub", Subscription.Scope.ALL, null, "all-1", "all-2");
  private static final Subscription GOLD = new Subscription("gold-sub", "Gold subscription",
      Subscription.Scope.PRODUCT, "gold", Subscription.State.ACTIVE, "gold-1", "gold-2", null, null, null,
      new Subscription.Owner("u1", "dev@example.com", "Dev", "Eloper"));
  private static final Subscription ORDERS = Subscription.of("orders-sub", Subscription.Scope.API, "orders",
      "orders-1", null);
  private static final Subscription SUSPENDED = new Subscription("sus", "sus", Subscription.Scope.ALL, null,
      Subscription.State.SUSPENDED, "sus-1", null, null, null, null, null);
  private static final Subscription EXPIRED = new Subscription("exp", "exp", Subscription.Scope.ALL, null,
      Subscription.State.ACTIVE, "exp-1", null, null, null, NOW, null);
  private static final Subscription NOT_STARTED = new Subscription("later", "later", Subscription.Scope.ALL, null,
      Subscription.State.ACTIVE, "later-1", null, null, NOW.plusSeconds(1), null, null);

  @Test
  void missingKeyIs401WithTheObservedBodyChallengeAndOnError() {
    TestResult r = gateway(true, false, ALL).send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.bodyText()).isEqualTo("{\"statusCode\": 401, \"message\": \"Access denied due to missing "
        + "subscription key. Make sure to include subscription key when making requests to an API.\"}");
    assertThat(r.header("WWW-Authenticate")).isEqualTo(
        "AzureApiManagementKey realm=\"https://gw.test/orders\",name=\"Ocp-Apim-Subscription-Key\",type=\"header\"");
    assertThat(r.header("X-On-Error")).isEqualTo("authorization/SubscriptionKeyNotFound");
    assertThat(r.lastError().message()).endsWith("making requests to this API.");
    assertThat(r.backendRequest()).isNull();
  }

  @Test
  void validKeysFromHeaderOrQueryGrantAccessAndFillTheContext() {
    TestGateway gw = gateway(true, false, ALL, GOLD, ORDERS);
    TestResult byHeader = gw.send(TestRequest.get("https://gw.test/orders/1").header("Ocp-Apim-Subscription-Key",
        "all-2"));
    assertThat(byHeader.status()).isEqualTo(200);
    assertThat(who(byHeader)).isEqualTo("all-sub/all-2|-|-");
    assertThat(byHeader.backendRequest().headers().first("Ocp-Apim-Subscription-Key")).isEqualTo("all-2");

    TestResult byQuery = gw.send(TestRequest.get("https://gw.test/orders/1?subscription-key=orders-1"));
    assertThat(who(byQuery)).isEqualTo("orders-sub/orders-1|-|-");

    TestResult product = gw.send(TestRequest.get("https://gw.test/orders/1").header("Ocp-Apim-Subscription-Key",
        "gold-1"));
    assertThat(who(product)).isEqualTo("gold-sub/gold-1|Gold|dev@example.com");
    assertThat(product.backendRequest().headers().first("X-Product-Policy")).isEqualTo("applied");
    assertThat(byHeader.backendRequest().headers().contains("X-Product-Policy")).isFalse();
  }

  @Test
  void theHeaderWinsOverTheQuery() {
    TestResult r = gateway(true, false, ALL).send(TestRequest.get("https://gw.test/orders/1?subscription-key=all-1")
        .header("Ocp-Apim-Subscription-Key", "wrong"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.lastError().reason()).isEqualTo("SubscriptionKeyInvalid");
  }

  @Test
  void invalidSuspendedExpiredNotStartedAndOutOfScopeKeysAreRefused() {
    TestGateway gw = gateway(true, false, ALL, ORDERS, SUSPENDED, EXPIRED, NOT_STARTED);
    for (String key : List.of("nope", "sus-1", "exp-1", "later-1")) {
      TestResult r = gw.send(TestRequest.get("https://gw.test/orders/1").header("Ocp-Apim-Subscription-Key", key));
      assertThat(r.status()).as(key).isEqualTo(401);
      assertThat(r.lastError().reason()).as(key).isEqualTo("SubscriptionKeyInvalid");
      assertThat(r.bodyText()).as(key).contains("Access denied due to invalid subscription key.");
      assertThat(r.header("WWW-Authenticate")).isNull();
    }
    TestResult otherApi = gw.send(TestRequest.get("https://gw.test/billing/1").header("X-Billing-Key", "orders-1"));
    assertThat(otherApi.lastError().reason()).isEqualTo("SubscriptionKeyInvalid");
  }

  @Test
  void perApiKeyNamesAreUsed() {
    TestGateway gw = gateway(true, false, ALL);
    assertThat(gw.send(TestRequest.get("https://gw.test/billing/1").header("Ocp-Apim-Subscription-Key", "all-1"))
        .status()).isEqualTo(401);
    assertThat(gw.send(TestRequest.get("https://gw.test/billing/1").header("X-Billing-Key", "all-1")).status())
        .isEqualTo(200);
    assertThat(gw.send(TestRequest.get("https://gw.test/billing/1?bkey=all-1")).status()).isEqualTo(200);
    assertThat(gw.send(TestRequest.get("https://gw.test/billing/1")).header("WWW-Authenticate"))
        .contains("name=\"X-Billing-Key\"");
  }

  @Test
  void keylessCallsUseAnOpenProductOrTheKeylessApi() {
    TestResult open = gateway(true, true).send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(open.status()).isEqualTo(200);
    assertThat(who(open)).isEqualTo("anonymous|Free|-");
    assertThat(open.backendRequest().headers().first("X-Product-Policy")).isEqualTo("applied");

    TestResult keyless = gateway(false, false).send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(keyless.status()).isEqualTo(200);
    assertThat(who(keyless)).isEqualTo("anonymous|-|-");

    TestResult garbage = gateway(false, false).send(TestRequest.get("https://gw.test/orders/1")
        .header("Ocp-Apim-Subscription-Key", "garbage"));
    assertThat(garbage.status()).isEqualTo(401);
  }

  @Test
  void storeRejectsSharedKeysAndNeverPrintsKeys() {
    assertThatThrownBy(() -> new InMemorySubscriptionStore(List.of(
        Subscription.of("a", Subscription.Scope.ALL, null, "same", null),
        Subscription.of("b", Subscription.Scope.ALL, null, "same", null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("same");
    assertThat(GOLD.toString()).doesNotContain("gold-1").doesNotContain("gold-2");
    InMemorySubscriptionStore store = new InMemorySubscriptionStore(List.of(GOLD));
    assertThat(store.findByKey("gold-2")).isSameAs(GOLD);
    assertThat(store.findByKey("gold-3")).isNull();
    assertThat(store.findByKey("")).isNull();
  }

  @Test
  void subscriptionsFileIsReadWithDiagnosticsThatHideKeys(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("subscriptions.json");
    Files.writeString(file, "{\"subscriptions\": [{\"name\": \"s1\", \"scope\": \"product:gold\", "
        + "\"state\": \"active\", \"primaryKey\": \"k1\", \"secondaryKey\": \"k2\", \"owner\": {\"email\": \"a@b\"}},"
        + "{\"name\": \"s2\", \"scope\": \"all\", \"state\": \"suspended\", \"primaryKey\": \"k3\"}]}");
    Diagnostics diagnostics = new Diagnostics();
    List<Subscription> subs = SubscriptionFile.read(file, diagnostics);
    assertThat(diagnostics.all()).isEmpty();
    assertThat(subs).extracting(Subscription::scope, Subscription::target, Subscription::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Subscription.Scope.PRODUCT, "gold", Subscription.State.ACTIVE),
        org.assertj.core.groups.Tuple.tuple(Subscription.Scope.ALL, null, Subscription.State.SUSPENDED));
    assertThat(subs.get(0).owner().email()).isEqualTo("a@b");

    Diagnostics bad = new Diagnostics();
    assertThat(SubscriptionFile.parse(new ObjectMapper().readTree("[{\"name\": \"x\", \"scope\": \"team:1\", "
        + "\"primaryKey\": \"topsecret\"}, {\"name\": \"y\", \"state\": \"frozen\", \"primaryKey\": \"k\"}, "
        + "{\"name\": \"z\"}]"), "subs.json", bad)).isNull();
    assertThat(bad.all()).hasSize(3);
    assertThat(bad.all().toString()).doesNotContain("topsecret");
  }
}
