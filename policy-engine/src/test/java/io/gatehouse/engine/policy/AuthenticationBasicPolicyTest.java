package io.gatehouse.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GatewayRequest;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationBasicPolicyTest {
  private static final String SECRET = "s3cr3t-Pässword:with-colon";

  private static GatewayConfig config(String inbound, String onError) {
    return GatewayConfig.builder()
        .globalPolicy("<policies><inbound>" + inbound + "</inbound><backend><forward-request /></backend>"
            + "<outbound /><on-error>" + onError + "</on-error></policies>")
        .secretNamedValue("backend-password", SECRET)
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test/v1")
            .subscriptionRequired(false).operation("get-order", "GET", "/{id}").build())
        .build();
  }

  private static TestResult send(String inbound, TestRequest request) {
    return TestGateway.builder().config(config(inbound, "")).build().send(request);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void setsBasicAuthorizationFromUtf8Credentials() {
    TestResult r = send("<authentication-basic username=\"Jürgen\" password=\"pa:ss\" />",
        TestRequest.get("https://gw.test/orders/1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.backendRequest().headers().get("Authorization")).containsExactly(basic("Jürgen", "pa:ss"));
  }

  @Test
  void replacesEveryAuthorizationValueTheCallerSent() {
    TestResult r = send("<authentication-basic username=\"u\" password=\"p\" />",
        TestRequest.get("https://gw.test/orders/1").header("Authorization", "Bearer abc")
            .header("authorization", "Basic other"));
    assertThat(r.backendRequest().headers().get("Authorization")).containsExactly(basic("u", "p"));
  }

  @Test
  void acceptsExpressionsAndNamedValues() {
    TestResult r = send("<authentication-basic username=\"@(context.Request.Headers"
        + ".GetValueOrDefault(&quot;X-User&quot;, &quot;anon&quot;))\" password=\"{{backend-password}}\" />",
        TestRequest.get("https://gw.test/orders/1").header("X-User", "alice"));
    assertThat(r.backendRequest().headers().get("Authorization")).containsExactly(basic("alice", SECRET));
  }

  @Test
  void bothAttributesAreRequired() {
    assertThatThrownBy(() -> TestGateway.builder().config(config("<authentication-basic username=\"u\" />", ""))
        .build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("password");
    assertThatThrownBy(() -> TestGateway.builder().config(config("<authentication-basic password=\"p\" />", ""))
        .build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("username");
  }

  @Test
  void isInboundOnly() {
    GatewayConfig outbound = GatewayConfig.builder()
        .globalPolicy("<policies><inbound /><backend><forward-request /></backend><outbound>"
            + "<authentication-basic username=\"u\" password=\"p\" /></outbound><on-error /></policies>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test/v1")
            .subscriptionRequired(false).operation("get-order", "GET", "/{id}").build())
        .build();
    assertThatThrownBy(() -> TestGateway.builder().config(outbound).build())
        .isInstanceOf(PolicyLoadException.class).hasMessageContaining("authentication-basic");
  }

  @Test
  void thePasswordNeverReachesDiagnosticsTracesOrLastError() {
    String inbound = "<authentication-basic username=\"u\" password=\"{{backend-password}}\" />"
        + "<trace source=\"t\"><message>@(context.Request.Headers.GetValueOrDefault(&quot;X-Missing&quot;, "
        + "&quot;none&quot;))</message></trace>"
        + "<check-header name=\"X-Required\" failed-check-httpcode=\"401\" failed-check-error-message=\"no\" "
        + "ignore-case=\"false\" />";
    List<TraceSink.TraceEvent> sunk = new ArrayList<>();
    Gatehouse gatehouse = Gatehouse.builder().config(config(inbound, "<set-header name=\"X-Error\" "
        + "exists-action=\"override\"><value>@(context.LastError.Message)</value></set-header>"))
        .recordSteps(true).traceSink(sunk::add)
        .backend((request, options) -> {
          throw new AssertionError("not called");
        }).build();
    var outcome = gatehouse.execute(GatewayRequest.of("GET", "https://gw.test/orders/1", new HttpHeaders()))
        .toCompletableFuture().join();
    assertThat(outcome.response().status()).isEqualTo(401);
    String everything = outcome.lastError() + " " + outcome.steps() + " " + outcome.traces() + " " + sunk + " "
        + outcome.response().headers() + " " + new String(outcome.response().body(), StandardCharsets.UTF_8) + " "
        + gatehouse.warnings();
    assertThat(everything).doesNotContain(SECRET).doesNotContain("s3cr3t");
    // a load error next to the secret does not print it either
    List<Diagnostic> problems = Gatehouse.builder().config(config(
        "<authentication-basic username=\"@(undefinedThing)\" password=\"{{backend-password}}\" />", ""))
        .check();
    assertThat(problems).isNotEmpty();
    assertThat(problems.toString()).doesNotContain("s3cr3t");
  }
}
