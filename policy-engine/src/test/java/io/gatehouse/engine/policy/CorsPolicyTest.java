package io.gatehouse.engine.policy;

import static io.gatehouse.engine.policy.PolicyKit.compile;
import static io.gatehouse.engine.policy.PolicyKit.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  private static final String CORS = "<policies><inbound><cors allow-credentials=\"true\">"
      + "<allowed-origins><origin>https://app.example.com</origin></allowed-origins>"
      + "<allowed-methods preflight-result-max-age=\"300\"><method>GET</method><method>PUT</method></allowed-methods>"
      + "<allowed-headers><header>content-type</header><header>x-id</header></allowed-headers>"
      + "<expose-headers><header>x-trace</header></expose-headers></cors>"
      + "<set-header name=\"X-Inbound\"><value>1</value></set-header></inbound>"
      + "<backend><forward-request /></backend><outbound /><on-error /></policies>";

  private static Exchange preflight(Pipeline p, String origin, String method, String headers) {
    PolicyKit.Call call = new PolicyKit.Call();
    call.method = "OPTIONS";
    call.header("Origin", origin).header("Access-Control-Request-Method", method);
    if (headers != null) {
      call.header("Access-Control-Request-Headers", headers);
    }
    return call.runPreflight(p);
  }

  @Test
  void matchingPreflightIsAnsweredByCorsAlone() {
    Pipeline p = compile(CORS);
    assertThat(p.handlesPreflight()).isTrue();
    Exchange ex = preflight(p, "https://app.example.com:443", "PUT", "Content-Type, X-Id");
    assertThat(ex.response().statusCode()).isEqualTo(200);
    assertThat(ex.response().headers().first("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com:443");
    assertThat(ex.response().headers().first("Access-Control-Allow-Methods")).isEqualTo("PUT");
    assertThat(ex.response().headers().first("Access-Control-Allow-Headers")).isEqualTo("Content-Type,X-Id");
    assertThat(ex.response().headers().first("Access-Control-Max-Age")).isEqualTo("300");
    assertThat(ex.response().headers().first("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(ex.request().headers().contains("X-Inbound")).isFalse();
    assertThat(ex.backendRequest()).isNull();
  }

  @Test
  void unmatchedPreflightGetsAnEmpty200WithoutCorsHeaders() {
    Pipeline p = compile(CORS);
    for (String[] c : new String[][] {{"https://evil.example.com", "GET", null}, {"https://app.example.com",
        "DELETE", null}, {"https://app.example.com", "GET", "x-other"}}) {
      Exchange ex = preflight(p, c[0], c[1], c[2]);
      assertThat(ex.response().statusCode()).isEqualTo(200);
      assertThat(ex.response().headers().contains("Access-Control-Allow-Origin")).as(String.join(" ", c))
          .isFalse();
    }
  }

  @Test
  void actualCrossOriginRequests() {
    Pipeline p = compile(CORS);
    Exchange allowed = new PolicyKit.Call().header("Origin", "https://app.example.com").run(p);
    assertThat(allowed.corsHeaders().first("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(allowed.corsHeaders().first("Access-Control-Expose-Headers")).isEqualTo("x-trace");
    assertThat(allowed.backendRequest()).isNotNull();

    Exchange other = new PolicyKit.Call().header("Origin", "https://evil.example.com").run(p);
    assertThat(other.backendRequest()).isNull();
    assertThat(other.corsHeaders()).isNull();
    assertThat(other.response().statusCode()).isEqualTo(200);

    Exchange sameOrigin = new PolicyKit.Call().run(p);
    assertThat(sameOrigin.backendRequest()).isNotNull();

    Pipeline lenient = compile(CORS.replace("allow-credentials=\"true\"", "terminate-unmatched-request=\"false\""));
    Exchange passes = new PolicyKit.Call().header("Origin", "https://evil.example.com").run(lenient);
    assertThat(passes.backendRequest()).isNotNull();
    assertThat(passes.corsHeaders()).isNull();
  }

  @Test
  void constantHeadersAreBuiltOnceAndExpressionsStillRunPerRequest() {
    Pipeline p = compile(CORS);
    Exchange first = new PolicyKit.Call().header("Origin", "https://app.example.com").run(p);
    Exchange second = new PolicyKit.Call().header("Origin", "https://app.example.com").run(p);
    assertThat(second.corsHeaders()).isSameAs(first.corsHeaders());
    assertThat(first.corsHeaders().toMap()).containsExactly(
        java.util.Map.entry("Access-Control-Allow-Origin", java.util.List.of("https://app.example.com")),
        java.util.Map.entry("Access-Control-Allow-Credentials", java.util.List.of("true")),
        java.util.Map.entry("Access-Control-Expose-Headers", java.util.List.of("x-trace")),
        java.util.Map.entry("Vary", java.util.List.of("Origin")));

    Pipeline computed = compile(CORS.replace("allow-credentials=\"true\"",
        "allow-credentials=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Cred&quot;, &quot;&quot;) == &quot;yes&quot;)\""),
        new io.gatehouse.engine.expr.CSharpExpressionCompiler(io.gatehouse.engine.expr.ExpressionOptions.DEFAULTS),
        java.util.Map.of());
    Exchange with = new PolicyKit.Call().header("Origin", "https://app.example.com").header("X-Cred", "yes")
        .run(computed);
    Exchange without = new PolicyKit.Call().header("Origin", "https://app.example.com").run(computed);
    assertThat(with.corsHeaders().first("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(without.corsHeaders().contains("Access-Control-Allow-Credentials")).isFalse();
    assertThat(without.corsHeaders().first("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
  }

  @Test
  void originsMatchByTextOrByNormalFormAndAnUnreadableOneNeverMatches() {
    Pipeline p = compile(CORS.replace("<origin>https://app.example.com</origin>",
        "<origin>null</origin><origin>https://other.example.com</origin><origin>https://app.example.com</origin>"
            + "<origin>HTTPS://APP2.example.com</origin>"));
    for (String origin : new String[] {"https://app.example.com", "HTTPS://App.Example.com:443",
        "https://app.example.com/", "https://app2.example.com:443", "https://other.example.com"}) {
      Exchange ex = new PolicyKit.Call().header("Origin", origin).run(p);
      assertThat(ex.corsHeaders()).as(origin).isNotNull();
      assertThat(ex.corsHeaders().first("Access-Control-Allow-Origin")).isEqualTo(origin);
    }
    for (String origin : new String[] {"null", "https://app.example.com:8443", "http://app.example.com"}) {
      Exchange ex = new PolicyKit.Call().header("Origin", origin).run(p);
      assertThat(ex.corsHeaders()).as(origin).isNull();
      assertThat(ex.backendRequest()).isNull();
    }
  }

  @Test
  void wildcardOriginWithCredentialsIsRejected() {
    assertThat(problems(CORS.replace("https://app.example.com</origin>", "*</origin>")))
        .singleElement().asString().contains("cannot be combined with the origin '*'");
  }

  @Test
  void originsAreComparedAsSchemeHostAndPort() {
    assertThat(CorsPolicy.normalizeOrigin("HTTPS://App.Example.com")).isEqualTo("https://app.example.com:443");
    assertThat(CorsPolicy.normalizeOrigin("http://app.example.com:8080/")).isEqualTo("http://app.example.com:8080");
    assertThat(CorsPolicy.normalizeOrigin("http://[::1]:81")).isEqualTo("http://[::1]:81");
    assertThat(CorsPolicy.normalizeOrigin("chrome-extension://abc")).isEqualTo("chrome-extension://abc:-1");
    assertThat(CorsPolicy.normalizeOrigin("null")).isNull();
  }
}
