package io.gatehouse.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sample (a) for real: Jetty on a free port, called with the JDK HttpClient. A fresh server (and limit) per test. */
@Timeout(60)
class JettyFilterSampleTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private JettyFilterSample sample;
  private String token;

  @BeforeEach
  void start() throws Exception {
    sample = JettyFilterSample.start(SampleOptions.anyFreePorts());
    token = SampleTokens.mintNow();
  }

  @AfterEach
  void stop() throws Exception {
    if (sample != null) {
      sample.close();
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(sample.url() + path)).timeout(TIMEOUT);
  }

  private HttpRequest.Builder authorized(String path) {
    return request(path).header("Ocp-Apim-Subscription-Key", JettyFilterSample.DEMO_KEY)
        .header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutAKeyTheGatewayAnswers401AndTheAppIsNotCalled() throws Exception {
    HttpResponse<String> response = send(request("/api/orders"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("subscription key");
    assertThat(response.headers().firstValue("X-Gateway")).hasValue("gatehouse");
    assertThat(sample.applicationCalls()).isZero();
  }

  @Test
  void withAKeyButNoTokenValidateJwtAnswers401() throws Exception {
    HttpResponse<String> response = send(request("/api/orders")
        .header("Ocp-Apim-Subscription-Key", JettyFilterSample.DEMO_KEY));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("A valid Bearer token is required");
    assertThat(sample.applicationCalls()).isZero();
  }

  @Test
  void withKeyAndTokenTheServletAnswersWithTheCallerFromTheToken() throws Exception {
    HttpResponse<String> response = send(authorized("/api/orders"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("caller").asText()).isEqualTo(SampleTokens.DEFAULT_SUBJECT);
    assertThat(body.get("orders")).hasSize(2);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValue("X-Gateway")).hasValue("gatehouse");
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    assertThat(sample.applicationCalls()).isEqualTo(1);
  }

  @Test
  void ordersAreCreatedAsTheTokensSubject() throws Exception {
    token = SampleTokens.mint("alice", java.time.Instant.now(), Duration.ofMinutes(5));
    HttpResponse<String> created = send(authorized("/api/orders").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\",\"quantity\":1}")));
    HttpResponse<String> fetched = send(authorized("/api/orders/3"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).get("placedBy").asText()).isEqualTo("alice");
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(fetched.body()).get("item").asText()).isEqualTo("tea");
  }

  @Test
  void theSixthCallInAMinuteIs429() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(send(authorized("/api/orders/1")).statusCode()).as("call %d", i + 1).isEqualTo(200);
    }
    HttpResponse<String> limited = send(authorized("/api/orders/1"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(sample.applicationCalls()).isEqualTo(5);
  }

  @Test
  void preflightsAreAnsweredForTheAllowedOriginOnly() throws Exception {
    HttpResponse<String> allowed = send(preflight(SampleOptions.DEFAULT_ORIGIN));
    HttpResponse<String> other = send(preflight("http://other.test:3000"));

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SampleOptions.DEFAULT_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(sample.applicationCalls()).isZero();
  }

  @Test
  void pathsOutsideTheFilterPrefixReachTheAppUntouched() throws Exception {
    HttpResponse<String> response = send(request("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"up\"}");
    assertThat(response.headers().firstValue("X-Gateway")).isEmpty();
  }

  @Test
  void theWelcomePrintsCredentialsThatWorkAndTheCurlCommands() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sample.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), SampleOptions.DEFAULT_ORIGIN);
    String printed = bytes.toString(StandardCharsets.UTF_8);

    Matcher printedToken = Pattern.compile("(?m)^export TOKEN=(\\S+)$").matcher(printed);
    assertThat(printedToken.find()).as(printed).isTrue();
    token = printedToken.group(1);
    assertThat(printed).contains("export KEY=" + JettyFilterSample.DEMO_KEY)
        .contains("curl -i " + sample.url() + "/api/orders\n")
        .contains("for i in 1 2 3 4 5 6; do curl")
        .contains("mint-token")
        .endsWith("ready (Ctrl-C to stop)" + System.lineSeparator());
    assertThat(send(authorized("/api/orders")).statusCode()).isEqualTo(200);
  }

  private HttpRequest.Builder preflight(String origin) {
    return request("/api/orders").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization,ocp-apim-subscription-key");
  }
}
