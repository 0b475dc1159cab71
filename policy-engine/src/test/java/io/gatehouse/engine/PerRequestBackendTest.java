package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PerRequestBackendTest {
  @Test
  void forwardRequestCallsTheBackendGivenWithTheRequest() {
    Gatehouse gatehouse = Gatehouse.builder()
        .config(GatewayConfig.builder().globalPolicy("<policies><inbound /><backend><forward-request /></backend>"
            + "<outbound /><on-error /></policies>")
            .api(ApiDefinition.builder("a").path("a").serviceUrl("http://app/base").subscriptionRequired(false)
                .operation("get", "GET", "/{id}").build()).build())
        .backend((request, options) -> CompletableFuture.completedFuture(
            new BackendResponse(500, "", new HttpHeaders(), "engine-wide".getBytes())))
        .build();
    ExchangeOutcome outcome = gatehouse.execute(GatewayRequest.of("GET", "https://gw.test/a/7", new HttpHeaders()),
        (request, options) -> CompletableFuture.completedFuture(new BackendResponse(200, "", new HttpHeaders(),
            ("per-request " + request.uri()).getBytes()))).toCompletableFuture().join();
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(outcome.response().bodyText()).isEqualTo("per-request http://app/base/7");
  }
}
