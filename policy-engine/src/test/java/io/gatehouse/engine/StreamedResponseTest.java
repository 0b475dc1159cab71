package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Backend;
import io.gatehouse.api.BackendOptions;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.StreamedBody;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A backend that answers with a {@link StreamedBody}: when the engine passes the handle on and when it drops it. */
class StreamedResponseTest {
  private static final StreamedBody HANDLE = new StreamedBody() {};

  private final List<BackendOptions> seen = new ArrayList<>();

  /** Answers 200 with {@code X-Kind: <kind>} and a streamed body when the options allow it, else bytes. */
  private Backend backend(String kind) {
    return (request, options) -> {
      seen.add(options);
      HttpHeaders headers = HttpHeaders.of("Content-Type", "text/plain", "X-Kind", kind);
      return CompletableFuture.completedFuture(options.responseBodyNeeded()
          ? new BackendResponse(200, "OK", headers, "bytes from the backend".getBytes())
          : BackendResponse.streamed(200, "OK", headers, HANDLE));
    };
  }

  private ExchangeOutcome run(String outbound, Backend backend) {
    return run(outbound, "", backend);
  }

  private ExchangeOutcome run(String outbound, String onError, Backend backend) {
    Gatehouse gatehouse = Gatehouse.builder()
        .config(GatewayConfig.builder().globalPolicy("<policies><inbound /><backend><forward-request /></backend>"
            + "<outbound>" + outbound + "</outbound><on-error>" + onError + "</on-error></policies>")
            .api(ApiDefinition.builder("a").path("a").serviceUrl("http://app/base").subscriptionRequired(false)
                .operation("get", "GET", "/{id}").build()).build())
        .build();
    return gatehouse.execute(GatewayRequest.of("GET", "https://gw.test/a/7", new HttpHeaders()), backend)
        .toCompletableFuture().join();
  }

  @Test
  void aLightPipelinePassesTheHandleOnWithItsHeaders() {
    ExchangeOutcome outcome = run("<set-header name=\"X-Outbound\" exists-action=\"override\"><value>"
        + "@(context.Response.StatusCode.ToString())</value></set-header>", backend("stream"));
    assertThat(seen).singleElement().extracting(BackendOptions::responseBodyNeeded).isEqualTo(false);
    assertThat(outcome.response().streamed()).isSameAs(HANDLE);
    assertThat(outcome.response().body()).isEmpty();
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(outcome.response().headers().first("X-Outbound")).isEqualTo("200");
    assertThat(outcome.response().headers().first("X-Kind")).isEqualTo("stream");
  }

  @Test
  void setBodyReplacesTheStreamedBody() {
    ExchangeOutcome outcome = run("<set-body>replaced</set-body>", backend("stream"));
    assertThat(seen.get(0).responseBodyNeeded()).isFalse();
    assertThat(outcome.response().streamed()).isNull();
    assertThat(outcome.response().bodyText()).isEqualTo("replaced");
  }

  @Test
  void returnResponseUnderAChooseDropsTheHandleOnlyWhenItRuns() {
    String outbound = "<choose><when condition=\"@(context.Response.Headers.GetValueOrDefault(&quot;X-Kind&quot;, "
        + "&quot;&quot;) == &quot;replace&quot;)\"><return-response><set-status code=\"503\" reason=\"Later\" />"
        + "<set-body>replacement</set-body></return-response></when></choose>";
    ExchangeOutcome replaced = run(outbound, backend("replace"));
    assertThat(replaced.response().streamed()).isNull();
    assertThat(replaced.response().status()).isEqualTo(503);
    assertThat(replaced.response().bodyText()).isEqualTo("replacement");
    ExchangeOutcome kept = run(outbound, backend("keep"));
    assertThat(kept.response().streamed()).isSameAs(HANDLE);
  }

  @Test
  void anErrorInOutboundDropsTheHandle() {
    ExchangeOutcome outcome = run("<set-header name=\"X-Bad\" exists-action=\"override\"><value>"
        + "@(((string)null).Length.ToString())</value></set-header>", "<set-header name=\"X-On-Error\" "
        + "exists-action=\"override\"><value>@(context.LastError.Reason)</value></set-header>", backend("stream"));
    assertThat(seen.get(0).responseBodyNeeded()).isFalse();
    assertThat(outcome.response().streamed()).isNull();
    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.response().headers().first("X-On-Error")).isEqualTo("ExpressionValueEvaluationFailure");
    assertThat(outcome.response().bodyText()).contains("Internal server error");
  }

  @Test
  void policiesThatNeedTheBodyGetBytes() {
    ExchangeOutcome replaced = run("<find-and-replace from=\"bytes\" to=\"text\" />", backend("bytes"));
    assertThat(seen.get(0).responseBodyNeeded()).isTrue();
    assertThat(replaced.response().streamed()).isNull();
    assertThat(replaced.response().bodyText()).isEqualTo("text from the backend");
    ExchangeOutcome read = run("<set-header name=\"X-Length\" exists-action=\"override\"><value>"
        + "@(context.Response.Body.As<string>(preserveContent: true).Length.ToString())</value></set-header>",
        backend("bytes"));
    assertThat(seen.get(1).responseBodyNeeded()).isTrue();
    assertThat(read.response().headers().first("X-Length")).isEqualTo("22");
    assertThat(read.response().bodyText()).isEqualTo("bytes from the backend");
  }

  @Test
  void readingAStreamedBodyAnywayFailsClearly() {
    Backend streamsRegardless = (request, options) -> CompletableFuture.completedFuture(
        BackendResponse.streamed(200, "OK", new HttpHeaders(), HANDLE));
    ExchangeOutcome outcome = run("<set-header name=\"X-Length\" exists-action=\"override\"><value>"
        + "@(context.Response.Body.As<string>().Length.ToString())</value></set-header>", streamsRegardless);
    assertThat(outcome.response().status()).isEqualTo(500);
    assertThat(outcome.response().streamed()).isNull();
    assertThat(outcome.lastError().reason()).isEqualTo("ResponseBodyStreamed");
  }
}
