package io.gatehouse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.HttpUrl;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.UrlInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeTest {
  private static final ApiInfo API = new ApiInfo("api", "Api", "api", "1", null, true, null, List.of("https"),
      "Ocp-Apim-Subscription-Key", "subscription-key");
  private static final OperationInfo OPERATION = new OperationInfo("get", "Get", "GET", "/items/{id}");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void variablesAreCreatedOnFirstUse() {
    Exchange e = new Exchange(new Exchange.Setup(new Exchange.MutableRequestSetup("GET",
        UrlInfo.of(HttpUrl.parse("http://gw/api")), null, "", new HttpHeaders(), null, Map.of(), null, null,
        List.of()), API, OPERATION, null, null, null, DeploymentInfo.LOCAL, CLOCK, null, TraceSink.NONE, false,
        false, null));
    assertThat(e.variablesSoFar()).isEmpty();
    e.variables().put("x", 1);
    assertThat(e.variablesSoFar()).isSameAs(e.variables()).containsEntry("x", 1);
  }
}
