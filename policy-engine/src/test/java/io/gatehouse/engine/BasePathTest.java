package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.Subscription;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A gateway mounted below a base path (a servlet filter's URL prefix). */
class BasePathTest {
  private static final String POLICY = "<policies><inbound><base /><set-header name=\"X-Original\"><value>"
      + "@(context.Request.OriginalUrl.ToString())</value></set-header></inbound><backend><forward-request />"
      + "</backend><outbound /><on-error /></policies>";

  private final Gatehouse gatehouse = Gatehouse.builder()
      .config(GatewayConfig.builder().api(ApiDefinition.builder("orders").path("orders")
          .serviceUrl("https://backend.test").policy(POLICY).operation("get", "GET", "/{id}").build()).build())
      .subscriptions(new InMemorySubscriptionStore(List.of(Subscription.of("s", Subscription.Scope.ALL, null,
          "key-1", null))))
      .build();

  private final Backend backend = (request, options) -> CompletableFuture.completedFuture(new BackendResponse(200,
      "OK", HttpHeaders.of("X-Original", request.headers().first("X-Original")), null));

  private ExchangeOutcome send(String url, String basePath, String... headers) {
    return gatehouse.execute(GatewayRequest.of("GET", url, HttpHeaders.of(headers)), backend, basePath)
        .toCompletableFuture().join();
  }

  @Test
  void routesBelowTheBasePathAndKeepsItInOriginalUrlAndRealm() {
    ExchangeOutcome ok = send("https://gw.test/gw/orders/7?x=1", "/gw", "Ocp-Apim-Subscription-Key", "key-1");
    assertThat(ok.response().status()).isEqualTo(200);
    assertThat(ok.response().headers().first("X-Original")).isEqualTo("https://gw.test/gw/orders/7?x=1");
    assertThat(ok.backendRequest().url()).isEqualTo("https://backend.test/7?x=1");

    ExchangeOutcome missing = send("https://gw.test/gw/orders/7", "/gw");
    assertThat(missing.response().status()).isEqualTo(401);
    assertThat(missing.response().headers().first("WWW-Authenticate"))
        .contains("realm=\"https://gw.test/gw/orders\"");
  }

  @Test
  void requestsOutsideTheBasePathAreNotFound() {
    assertThat(send("https://gw.test/orders/7", "/gw", "Ocp-Apim-Subscription-Key", "key-1").response().status())
        .isEqualTo(404);
    assertThat(send("https://gw.test/gwx/orders/7", "/gw", "Ocp-Apim-Subscription-Key", "key-1").response()
        .status()).isEqualTo(404);
    assertThat(send("https://gw.test/orders/7", "", "Ocp-Apim-Subscription-Key", "key-1").response().status())
        .isEqualTo(200);
  }
}
