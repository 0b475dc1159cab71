package io.gatehouse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.UrlInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ExchangeTest {
  private static final ApiInfo API = new ApiInfo("api", "Api", "api", "1", null, true, null, List.of("https"),
      "Ocp-Apim-Subscription-Key", "subscription-key");
  private static final OperationInfo OPERATION = new OperationInfo("get", "Get", "GET", "/items/{id}");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void theEnginesConstructorGivesWhatTheSetupsGive() {
    UrlInfo url = UrlInfo.of(HttpUrl.parse("https://gw/api/items/7?a=1"));
    HttpHeaders headers = HttpHeaders.of("X-A", "1");
    byte[] body = {1, 2};
    Map<String, String> params = Map.of("id", "7");
    io.gatehouse.api.Backend backend = (r, o) -> CompletableFuture.failedFuture(new IllegalStateException());
    Exchange viaSetup = new Exchange(new Exchange.Setup(new Exchange.MutableRequestSetup("POST", url,
        URI.create("http://app/api"), "/items/7", headers, body, params, "10.0.0.1", null, List.of()), API,
        OPERATION, null, null, null, DeploymentInfo.LOCAL, CLOCK, backend, TraceSink.NONE, false, true, null));
    Exchange direct = new Exchange("POST", url, URI.create("http://app/api"), "/items/7", headers, body, params,
        "10.0.0.1", List.of(), API, OPERATION, null, null, null, DeploymentInfo.LOCAL, CLOCK, backend,
        TraceSink.NONE, false, true, null);
    for (Exchange e : List.of(viaSetup, direct)) {
      assertThat(e.request().method()).isEqualTo("POST");
      assertThat(e.request().backendUrl()).isEqualTo("http://app/api/items/7?a=1");
      assertThat(e.request().headers()).isSameAs(headers);
      assertThat(e.request().body().peek()).containsExactly(1, 2);
      assertThat(e.request().matchedParameters()).isEqualTo(params);
      assertThat(e.request().ipAddress()).isEqualTo("10.0.0.1");
      assertThat(e.request().certificate()).isNull();
      assertThat(e.request().certificateChain()).isEmpty();
      assertThat(e.api()).isSameAs(API);
      assertThat(e.operation()).isSameAs(OPERATION);
      assertThat(e.timestamp()).isEqualTo(CLOCK.instant());
      assertThat(e.mockResponses()).isSameAs(MockResponses.NONE);
      assertThat(e.recordsSteps()).isTrue();
      assertThat(e.backend()).isSameAs(backend);
    }
  }

  @Test
  void variablesAreCreatedOnFirstUse() {
    Exchange e = new Exchange("GET", UrlInfo.of(HttpUrl.parse("http://gw/api")), null, "", new HttpHeaders(), null,
        Map.of(), null, List.of(), API, OPERATION, null, null, null, DeploymentInfo.LOCAL, CLOCK, null,
        TraceSink.NONE, false, false, null);
    assertThat(e.variablesSoFar()).isEmpty();
    e.variables().put("x", 1);
    assertThat(e.variablesSoFar()).isSameAs(e.variables()).containsEntry("x", 1);
  }
}
