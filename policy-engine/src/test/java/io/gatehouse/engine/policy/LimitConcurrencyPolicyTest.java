package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.ExchangeOutcome;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.counter.InMemoryCounterStore;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LimitConcurrencyPolicyTest {
  private final List<CompletableFuture<BackendResponse>> pending = new CopyOnWriteArrayList<>();
  private final InMemoryCounterStore store = new InMemoryCounterStore();

  private Gatehouse gateway(String backendSection) {
    GatewayConfig config = GatewayConfig.builder().api(ApiDefinition.builder("orders").path("orders")
        .serviceUrl("https://backend.test").subscriptionRequired(false).operation("get", "GET", "/{id}",
            "<policies><inbound><base /></inbound><backend>" + backendSection + "</backend><outbound><base />"
                + "</outbound><on-error><base /></on-error></policies>").build()).build();
    return Gatehouse.builder().config(config).counterStore(store).backend((request, options) -> {
      CompletableFuture<BackendResponse> response = new CompletableFuture<>();
      pending.add(response);
      return response;
    }).build();
  }

  private static CompletableFuture<ExchangeOutcome> call(Gatehouse gw) {
    return gw.execute(GatewayRequest.of("GET", "https://gw.test/orders/1", new HttpHeaders())).toCompletableFuture();
  }

  private static BackendResponse ok() {
    return new BackendResponse(200, "OK", new HttpHeaders(), new byte[0]);
  }

  @Test
  void atMostMaxCountInsideAndSlotsFreedWhenChildrenFinishOrFail() {
    Gatehouse gw = gateway("<limit-concurrency key=\"@(&quot;backend&quot;)\" max-count=\"2\">"
        + "<forward-request /></limit-concurrency>");
    CompletableFuture<ExchangeOutcome> first = call(gw);
    CompletableFuture<ExchangeOutcome> second = call(gw);
    assertThat(first).isNotDone();
    assertThat(store.slotsInUse("limit-concurrency|backend")).isEqualTo(2);
    ExchangeOutcome third = call(gw).join();
    assertThat(third.response().status()).isEqualTo(429);
    assertThat(third.lastError().reason()).isEqualTo("ConcurrencyLimitExceeded");
    assertThat(third.lastError().source()).isEqualTo("limit-concurrency");
    assertThat(third.lastError().section()).isEqualTo("backend");
    assertThat(new String(third.response().body())).isEqualTo(
        "{\"statusCode\": 429, \"message\": \"Too many concurrent requests.\"}");
    assertThat(pending).hasSize(2); // no queueing: the refused call never reached the backend
    pending.get(0).complete(ok());
    assertThat(first.join().response().status()).isEqualTo(200);
    assertThat(store.slotsInUse("limit-concurrency|backend")).isEqualTo(1);
    CompletableFuture<ExchangeOutcome> fourth = call(gw);
    assertThat(fourth).isNotDone();
    // a failing child releases its slot too
    pending.get(1).completeExceptionally(new BackendException(BackendException.Kind.TIMEOUT, "refused", null));
    assertThat(second.join().response().status()).isEqualTo(500);
    pending.get(2).complete(ok());
    assertThat(fourth.join().response().status()).isEqualTo(200);
    assertThat(store.slotsInUse("limit-concurrency|backend")).isZero();
  }

  @Test
  void synchronousChildrenAndReturnResponseReleaseAtOnce() {
    Gatehouse gw = gateway("<limit-concurrency key=\"k\" max-count=\"1\"><return-response>"
        + "<set-status code=\"202\" reason=\"Accepted\" /></return-response></limit-concurrency>");
    for (int i = 0; i < 3; i++) {
      assertThat(call(gw).join().response().status()).isEqualTo(202);
    }
    assertThat(store.slotsInUse("limit-concurrency|k")).isZero();
  }
}
