package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sample (b) for real: NettyGateway and the JDK HttpServer backend on free ports, called with the JDK HttpClient. */
@Timeout(60)
class NettyGatewaySampleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private NettyGatewaySample sample;

  @BeforeEach
  void start() throws Exception {
    sample = NettyGatewaySample.start(SampleOptions.anyFreePorts());
  }

  @AfterEach
  void stop() {
    if (sample != null) {
      sample.close();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(sample.url() + path)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ordersGoThroughTheGatewayToTheBackend() throws Exception {
    HttpResponse<String> one = get("/orders/1");
    HttpResponse<String> shipped = get("/orders?status=shipped");

    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).isEqualTo(
        "{\"id\":\"1\",\"item\":\"espresso beans\",\"quantity\":2,\"status\":\"shipped\"}");
    assertThat(one.headers().firstValue("X-Gateway")).hasValue("gatehouse-netty");
    assertThat(one.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(one.headers().firstValue("X-RateLimit-Remaining")).hasValue("9");
    assertThat(shipped.statusCode()).isEqualTo(200);
    assertThat(shipped.body()).contains("espresso beans").doesNotContain("oat milk");
  }

  @Test
  void theEleventhCallInAMinuteIs429() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(get("/orders/2").statusCode()).as("call %d", i + 1).isEqualTo(200);
    }
    HttpResponse<String> limited = get("/orders/2");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void backendAndRouting404sAreDistinct() throws Exception {
    HttpResponse<String> noOrder = get("/orders/99");
    HttpResponse<String> noOperation = get("/customers");

    assertThat(noOrder.statusCode()).isEqualTo(404);
    assertThat(noOrder.body()).contains("order-not-found");
    assertThat(noOrder.headers().firstValue("X-Gateway")).hasValue("gatehouse-netty");
    assertThat(noOperation.statusCode()).isEqualTo(404);
    assertThat(noOperation.body()).contains("Resource not found");
  }

  @Test
  void theWelcomePrintsTheGatewaysCurlCommands() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sample.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("curl -i " + sample.url() + "/orders/1")
        .contains(sample.backendUrl().toString()).contains("ready (Ctrl-C to stop)");
  }
}
