package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts the real quickstart (gateway + demo backend on free ports) and calls it over HTTP. */
@Timeout(60)
class QuickstartGatewayTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private static QuickstartGateway gateway;

  @BeforeAll
  static void start() throws IOException {
    gateway = QuickstartGateway.start(QuickstartOptions.anyFreePorts());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(TIMEOUT);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void getOrderGoesThroughToTheDemoBackend() throws Exception {
    HttpResponse<String> response = send(request("/orders/1").header("X-Correlation-Id", "it-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(
        "{\"id\":\"1\",\"item\":\"espresso beans\",\"quantity\":2,\"status\":\"shipped\"}");
    assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("it-1");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void createOrderNeedsAnIdempotencyKey() throws Exception {
    HttpRequest.Builder order = request("/orders").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\",\"quantity\":1}"));

    HttpResponse<String> rejected = send(order);
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.body()).isEqualTo("{\"statusCode\": 400, \"message\": \"Idempotency-Key header is required\"}");

    HttpResponse<String> created = send(order.header("Idempotency-Key", "it-create"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"item\":\"tea\"").contains("\"status\":\"placed\"");
  }

  @Test
  void orderZeroIsAnsweredByThePolicy() throws Exception {
    HttpResponse<String> response = send(request("/orders/0"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("order-not-found").contains("reserved");
  }

  @Test
  void corsPreflightIsAnsweredWithoutTheBackend() throws Exception {
    HttpResponse<String> response = send(request("/orders")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,idempotency-key"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void headGetsTheStatusWithoutABody() throws Exception {
    HttpResponse<String> get = send(request("/no-such-api"));
    HttpResponse<String> head = send(request("/no-such-api").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.body()).contains("Resource not found");
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void theDemoBackendRunsOnItsOwnFreePort() {
    assertThat(gateway.backendUrl().getPort()).isPositive().isNotEqualTo(gateway.url().getPort());
    assertThat(gateway.url().getPort()).isNotEqualTo(QuickstartOptions.DEFAULT_PORT);
  }
}
