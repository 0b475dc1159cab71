package io.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.LastError;
import io.gatehouse.engine.testing.StubBackend;
import io.gatehouse.engine.testing.TestGateway;
import io.gatehouse.engine.testing.TestRequest;
import io.gatehouse.engine.testing.TestResult;
import io.gatehouse.xml.PolicyLoadException;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import io.gatehouse.xml.config.ProductDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatehouseTest {
  /** A policy document whose inbound appends {@code tag} to X-Order around {@code <base/>} as {@code layout} says. */
  private static String scope(String tag, String layout) {
    String mark = "<set-header name=\"X-Order\" exists-action=\"append\"><value>" + tag + "</value></set-header>";
    String inbound = layout.replace("B", "<base />").replace("M", mark);
    return "<policies><inbound>" + inbound + "</inbound><backend><base /></backend>"
        + "<outbound><base /></outbound><on-error><base /></on-error></policies>";
  }

  private static final String GLOBAL_BACKEND = "<policies><inbound>%s</inbound><backend><forward-request />"
      + "</backend><outbound /><on-error /></policies>";

  private static TestGateway gateway(String global, String product, String api, String operation) {
    GatewayConfig.Builder config = GatewayConfig.builder().globalPolicy(global)
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test/v1")
            .subscriptionRequired(false).policy(api)
            .operation("get-order", "GET", "/{id}", operation)
            .operation("create-order", "POST", "/", null).build());
    if (product != null) {
      config.product(ProductDefinition.builder("open").subscriptionRequired(false).api("orders").policy(product)
          .build());
    }
    return TestGateway.builder().config(config.build()).build();
  }

  private static String order(TestResult result) {
    return String.join(",", result.backendRequest().headers().get("X-Order"));
  }

  @Test
  void fourScopesComposeBroadToNarrowThroughBase() {
    String global = String.format(GLOBAL_BACKEND,
        "<set-header name=\"X-Order\" exists-action=\"append\"><value>global</value></set-header>");
    TestGateway gw = gateway(global, scope("product", "BM"), scope("api", "MB"), scope("operation", "BM"));
    TestResult r = gw.send(TestRequest.get("https://gw.test/orders/42"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(order(r)).isEqualTo("api,global,product,operation");
    assertThat(r.backendRequest().uri()).hasToString("https://backend.test/v1/42");
    assertThat(r.steps()).extracting(s -> s.scope()).containsSubsequence("api", "global", "product", "operation");
  }

  @Test
  void omittingBaseDropsAllBroaderScopes() {
    String global = String.format(GLOBAL_BACKEND,
        "<set-header name=\"X-Order\" exists-action=\"append\"><value>global</value></set-header>");
    TestGateway gw = gateway(global, scope("product", "BM"), scope("api", "M"), scope("operation", "BM"));
    assertThat(order(gw.send(TestRequest.get("https://gw.test/orders/1")))).isEqualTo("api,operation");
  }

  @Test
  void productScopeAppliesOnlyInProductContext() {
    String global = String.format(GLOBAL_BACKEND, "");
    TestGateway withProduct = gateway(global, scope("product", "BM"), null, scope("operation", "BM"));
    assertThat(order(withProduct.send(TestRequest.get("https://gw.test/orders/1")))).isEqualTo("product,operation");
    TestGateway without = gateway(global, null, null, scope("operation", "BM"));
    assertThat(order(without.send(TestRequest.get("https://gw.test/orders/1")))).isEqualTo("operation");
  }

  @Test
  void missingSectionInheritsAndEmptySectionDoesNot() {
    String global = "<policies><inbound><set-header name=\"X-G\"><value>g</value></set-header></inbound>"
        + "<backend><forward-request /></backend><outbound><set-header name=\"X-Out\"><value>g</value>"
        + "</set-header></outbound></policies>";
    TestGateway gw = gateway(global, null, "<policies><outbound /></policies>", null);
    TestResult r = gw.send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(r.backendRequest().headers().first("X-G")).isEqualTo("g");
    assertThat(r.header("X-Out")).isNull();
  }

  @Test
  void unmatchedRequestsGetTheObserved404AndNoPolicyRuns() {
    String global = String.format(GLOBAL_BACKEND, "<ip-filter action=\"allow\"><address>10.9.9.9</address>"
        + "</ip-filter>");
    TestGateway gw = gateway(global, null, null, null);
    for (String url : new String[] {"https://gw.test/nothing", "https://gw.test/orders/1/extra"}) {
      TestResult r = gw.send(TestRequest.get(url));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.bodyText()).isEqualTo("{\"statusCode\": 404, \"message\": \"Resource not found\"}");
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.lastError().reason()).isEqualTo("OperationNotFound");
      assertThat(r.steps()).isEmpty();
    }
    assertThat(gw.send(TestRequest.of("DELETE", "https://gw.test/orders/1")).status()).isEqualTo(404);
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/1")).lastError().reason())
        .isEqualTo("CallerIpNotAllowed");
  }

  @Test
  void expressionsDriveConditionsValuesAndBodies() {
    String global = String.format(GLOBAL_BACKEND, "");
    String op = "<policies><inbound><base />"
        + "<set-variable name=\"mode\" value=\"@(context.Request.Headers.GetValueOrDefault(\"X-Mode\", \"none\"))\" />"
        + "<choose><when condition=\"@((string)context.Variables[\"mode\"] == \"fast\" && context.Request.Method "
        + "== \"GET\")\"><set-header name=\"X-Path\"><value>@(\"fast-\" + context.Request.MatchedParameters[\"id\"])"
        + "</value></set-header></when><otherwise><set-header name=\"X-Path\"><value>slow</value></set-header>"
        + "</otherwise></choose></inbound><outbound><base /><set-body>@{ var o = new JObject(); "
        + "o[\"id\"] = context.Request.MatchedParameters[\"id\"]; o[\"ok\"] = context.Response.StatusCode == 200; "
        + "return o.ToString(Newtonsoft.Json.Formatting.None); }</set-body>"
        + "<set-header name=\"X-Bool\"><value>@(1 < 2)</value></set-header></outbound></policies>";
    TestGateway gw = gateway(global, null, null, op);
    TestResult fast = gw.send(TestRequest.get("https://gw.test/orders/7").header("X-Mode", "fast"));
    assertThat(fast.backendRequest().headers().first("X-Path")).isEqualTo("fast-7");
    assertThat(fast.variable("mode")).isEqualTo("fast");
    assertThat(fast.bodyText()).isEqualTo("{\"id\":\"7\",\"ok\":true}");
    assertThat(fast.header("X-Bool")).isEqualTo("True");
    TestResult slow = gw.send(TestRequest.get("https://gw.test/orders/7"));
    assertThat(slow.backendRequest().headers().first("X-Path")).isEqualTo("slow");
  }

  @Test
  void expressionFailuresGoToOnErrorWithLastError() {
    String global = String.format(GLOBAL_BACKEND, "").replace("<on-error />", "<on-error><set-header "
        + "name=\"X-Error\"><value>@(context.LastError.Reason + \"|\" + context.LastError.Source + \"|\" + "
        + "context.LastError.Scope + \"|\" + context.LastError.Section)</value></set-header></on-error>");
    String op = "<policies><inbound><base /><set-header id=\"bad\" name=\"X-Len\"><value>"
        + "@(((string)context.Variables[\"missing\"]).Length.ToString())</value></set-header></inbound></policies>";
    TestResult r = gateway(global, null, null, op).send(TestRequest.get("https://gw.test/orders/7"));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).contains("\"message\": \"Internal server error\"").contains("activityId");
    assertThat(r.header("X-Error")).isEqualTo("ExpressionValueEvaluationFailure|set-header|operation|inbound");
    LastError e = r.lastError();
    assertThat(e.message()).isEqualTo(
        "Expression evaluation failed. Object reference not set to an instance of an object.");
    assertThat(e.policyId()).isEqualTo("bad");
    assertThat(e.path()).isEqualTo("set-header[1]");
    assertThat(r.backendRequest()).isNull();
  }

  @Test
  void namedValuesAreSubstitutedEverywhereAndSecretsStayHidden() {
    String op = "<policies><inbound><base /><set-header name=\"X-{{suffix}}\"><value>{{plain}}</value></set-header>"
        + "<set-header name=\"X-Expr\"><value>@(\"{{plain}}\".ToUpper())</value></set-header>"
        + "<set-variable name=\"computed\" value=\"{{expression}}\" /></inbound></policies>";
    GatewayConfig config = GatewayConfig.builder().globalPolicy(String.format(GLOBAL_BACKEND, ""))
        .namedValue("suffix", "Tenant").namedValue("plain", "contoso").namedValue("expression", "@(6 * 7)")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(false).operation("get", "GET", "/{id}", op).build())
        .build();
    TestResult r = TestGateway.builder().config(config).build().send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(r.backendRequest().headers().first("X-Tenant")).isEqualTo("contoso");
    assertThat(r.backendRequest().headers().first("X-Expr")).isEqualTo("CONTOSO");
    assertThat(r.variable("computed")).isEqualTo(42);

    GatewayConfig secret = GatewayConfig.builder().globalPolicy(String.format(GLOBAL_BACKEND, ""))
        .secretNamedValue("key", "s3cr3t-value")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(false).operation("get", "GET", "/{id}",
                "<policies><inbound><set-header name=\"X-K\"><value>@(\"{{key}}\".NoSuchMember())</value>"
                    + "</set-header><set-header name=\"X-U\"><value>{{unknown}}</value></set-header></inbound>"
                    + "</policies>").build())
        .build();
    assertThatThrownBy(() -> TestGateway.builder().config(secret).build())
        .isInstanceOf(PolicyLoadException.class)
        .satisfies(e -> {
          String all = String.join("\n", ((PolicyLoadException) e).diagnostics().stream().map(Object::toString)
              .toList());
          assertThat(all).doesNotContain("s3cr3t-value").contains("unknown");
          assertThat(((PolicyLoadException) e).diagnostics()).hasSizeGreaterThanOrEqualTo(2);
        });
  }

  @Test
  void fragmentsAreInlinedWhereIncluded() {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy(String.format(GLOBAL_BACKEND, "<include-fragment fragment-id=\"tag\" />"))
        .fragment("tag", "<fragment><set-header name=\"X-Frag\"><value>1</value></set-header>"
            + "<set-variable name=\"v\" value=\"f\" /></fragment>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(false).operation("get", "GET", "/{id}", null).build())
        .build();
    TestResult r = TestGateway.builder().config(config).build().send(TestRequest.get("https://gw.test/orders/1"));
    assertThat(r.backendRequest().headers().first("X-Frag")).isEqualTo("1");
    assertThat(r.variable("v")).isEqualTo("f");
  }

  @Test
  void badConfigurationNeverHalfLoadsAndListsEveryProblem() {
    GatewayConfig config = GatewayConfig.builder()
        .globalPolicy("<policies><inbound><set-hedaer name=\"a\" /></inbound></policies>")
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(false)
            .operation("get", "GET", "/{id}", "<policies><inbound><choose><when condition=\"@(1 +)\" />"
                + "</choose><log-to-eventhub logger-id=\"l\">m</log-to-eventhub></inbound>"
                + "<outbound><ip-filter action=\"allow\"><address>1.1.1.1</address></ip-filter></outbound>"
                + "</policies>")
            .operation("bad", "GET", "/x/{id}", "<policies><inbound>").build())
        .build();
    assertThatThrownBy(() -> Gatehouse.builder().config(config).build())
        .isInstanceOf(PolicyLoadException.class)
        .satisfies(e -> {
          var lines = ((PolicyLoadException) e).diagnostics().stream().map(Object::toString).toList();
          assertThat(lines).anyMatch(l -> l.startsWith("<builder:global>:1:20: error:") && l.contains("set-header"));
          assertThat(lines).anyMatch(l -> l.contains("log-to-eventhub") && l.contains("not supported yet"));
          assertThat(lines).anyMatch(l -> l.contains("ip-filter") && l.contains("outbound"));
          assertThat(lines).anyMatch(l -> l.contains("expression"));
          assertThat(lines).anyMatch(l -> l.contains("<builder:operation orders/bad>") || l.contains("bad"));
        });
  }

  @Test
  void corsPreflightIsAnsweredWithoutAnOptionsOperation() {
    String api = "<policies><inbound><cors><allowed-origins><origin>https://app.test</origin></allowed-origins>"
        + "<allowed-methods><method>POST</method></allowed-methods><allowed-headers><header>content-type</header>"
        + "</allowed-headers></cors><base /></inbound></policies>";
    TestGateway gw = gateway(String.format(GLOBAL_BACKEND, ""), null, api, null);
    TestResult r = gw.send(TestRequest.of("OPTIONS", "https://gw.test/orders/").header("Origin", "https://app.test")
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "Content-Type"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://app.test");
    assertThat(r.backendRequest()).isNull();
    TestResult actual = gw.send(TestRequest.post("https://gw.test/orders/").header("Origin", "https://app.test"));
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.test");
    assertThat(actual.backendRequest()).isNotNull();
  }

  @Test
  void theClockDrivesExpressionsAndStubbedBackendsAnswerPerRoute() {
    String op = "<policies><inbound><base /><set-header name=\"X-Now\"><value>@(DateTime.UtcNow.ToString(\"o\"))"
        + "</value></set-header></inbound></policies>";
    GatewayConfig config = GatewayConfig.builder().globalPolicy(String.format(GLOBAL_BACKEND, ""))
        .api(ApiDefinition.builder("orders").path("orders").serviceUrl("https://backend.test")
            .subscriptionRequired(false).operation("get", "GET", "/{id}", op).build())
        .build();
    StubBackend stub = StubBackend.echoing().on("GET", "https://backend.test/9", 503,
        io.gatehouse.api.HttpHeaders.of("Retry-After", "3"), "busy");
    TestGateway gw = TestGateway.builder().config(config).clockAt(Instant.parse("2024-03-05T07:08:09Z"))
        .backend(stub).build();
    assertThat(gw.send(TestRequest.get("https://gw.test/orders/1")).backendRequest().headers().first("X-Now"))
        .isEqualTo("2024-03-05T07:08:09.0000000Z");
    gw.clock().advance(Duration.ofSeconds(90));
    TestResult later = gw.send(TestRequest.get("https://gw.test/orders/9"));
    assertThat(later.backendRequest().headers().first("X-Now")).isEqualTo("2024-03-05T07:09:39.0000000Z");
    assertThat(later.status()).isEqualTo(503);
    assertThat(new String(later.response().body(), StandardCharsets.UTF_8)).isEqualTo("busy");
    assertThat(stub.received()).hasSize(2);
  }

  @Test
  void aPerRequestBackendReplacesTheEngineBackend() {
    TestGateway gw = gateway(String.format(GLOBAL_BACKEND, ""), null, null, null);
    java.util.List<String> seen = new java.util.ArrayList<>();
    io.gatehouse.api.Backend app = (request, options) -> {
      seen.add(request.method() + " " + request.uri());
      return java.util.concurrent.CompletableFuture.completedFuture(new io.gatehouse.api.BackendResponse(202, "",
          io.gatehouse.api.HttpHeaders.of("X-App", "1"), "from the app".getBytes(StandardCharsets.UTF_8)));
    };
    ExchangeOutcome outcome = gw.gatehouse().execute(io.gatehouse.api.GatewayRequest.of("GET",
        "https://gw.test/orders/5", new io.gatehouse.api.HttpHeaders()), app).toCompletableFuture().join();
    assertThat(seen).containsExactly("GET https://backend.test/v1/5");
    assertThat(outcome.response().status()).isEqualTo(202);
    assertThat(outcome.response().bodyText()).isEqualTo("from the app");
    assertThat(gw.backend().received()).isEmpty();
  }
}
