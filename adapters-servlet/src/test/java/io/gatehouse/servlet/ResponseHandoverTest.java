package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GatewayResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.ExchangeOutcome;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The decision on a streamed body when the application commits before the engine has returned its outcome (an
 * application running on another container thread): the committing thread waits for the outcome, then decides.
 */
class ResponseHandoverTest {
  private final ByteArrayOutputStream client = new ByteArrayOutputStream();
  private final int[] status = {0};

  private HttpServletRequest request() {
    return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getMethod" -> "GET";
          default -> null;
        });
  }

  private HttpServletResponse response() {
    ServletOutputStream out = new ServletOutputStream() {
      @Override
      public void write(int b) {
        client.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
    return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isCommitted" -> false;
          case "getOutputStream" -> out;
          case "setStatus" -> {
            status[0] = (Integer) args[0];
            yield null;
          }
          default -> null;
        });
  }

  private static ExchangeOutcome streamedOutcome(StreamedApplicationBody body) {
    return new ExchangeOutcome(new GatewayResponse(200, "OK", new HttpHeaders(), null, body), null, Map.of(), null,
        List.of(), List.of());
  }

  @Test
  void aCommitBeforeTheOutcomeWaitsForIt() throws Exception {
    ResponseHandover handover = new ResponseHandover(request(), response());
    StreamedApplicationBody body = new StreamedApplicationBody("window".getBytes(StandardCharsets.US_ASCII));
    handover.streaming(body);
    CompletableFuture<Void> decided = CompletableFuture.runAsync(handover::decideWhenKnown);
    Thread.sleep(50);
    assertThat(decided).isNotDone();

    CompletableFuture<ExchangeOutcome> engine = new CompletableFuture<>();
    handover.outcome(engine);
    engine.complete(streamedOutcome(body));
    decided.get(10, TimeUnit.SECONDS);
    body.write("+rest".getBytes(StandardCharsets.US_ASCII), 0, 5);

    assertThat(status[0]).isEqualTo(200);
    assertThat(client.toString(StandardCharsets.US_ASCII)).isEqualTo("window+rest");
  }

  @Test
  void aCommitAfterTheOutcomeDecidesAtOnce() throws Exception {
    ResponseHandover handover = new ResponseHandover(request(), response());
    StreamedApplicationBody body = new StreamedApplicationBody("window".getBytes(StandardCharsets.US_ASCII));
    handover.outcome(CompletableFuture.completedFuture(streamedOutcome(body)));
    handover.streaming(body);
    handover.decideWhenKnown();

    assertThat(status[0]).isEqualTo(200);
    assertThat(client.toString(StandardCharsets.US_ASCII)).isEqualTo("window");
  }
}
