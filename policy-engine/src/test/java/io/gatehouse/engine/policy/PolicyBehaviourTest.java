package io.gatehouse.engine.policy;

import static io.gatehouse.engine.policy.PolicyKit.body;
import static io.gatehouse.engine.policy.PolicyKit.compile;
import static io.gatehouse.engine.policy.PolicyKit.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.BackendException;
import io.gatehouse.api.BackendRequest;
import io.gatehouse.api.BackendResponse;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolicyBehaviourTest {
  private static String doc(String inbound, String backend, String outbound, String onError) {
    return "<policies><inbound>" + inbound + "</inbound><backend>" + backend + "</backend><outbound>" + outbound
        + "</outbound><on-error>" + onError + "</on-error></policies>";
  }

  private static final String FORWARD = "<forward-request />";

  @Test
  void setHeaderActionsOnRequestAndResponse() {
    AtomicReference<BackendRequest> seen = new AtomicReference<>();
    PolicyKit.Call call = new PolicyKit.Call().header("X-Keep", "old").header("X-App", "a1").header("X-Gone", "g");
    call.backend = (request, options) -> {
      seen.set(request);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", HttpHeaders.of("X-Out", "o"), null));
    };
    Exchange ex = call.run(compile(doc(
        "<set-header name=\"X-Keep\" exists-action=\"skip\"><value>new</value></set-header>"
            + "<set-header name=\"X-New\" exists-action=\"skip\"><value>n</value></set-header>"
            + "<set-header name=\"X-App\" exists-action=\"append\"><value>a2</value><value>a3</value></set-header>"
            + "<set-header name=\"X-Gone\" exists-action=\"delete\" />"
            + "<set-header name=\"X-Over\"><value>1</value><value>2</value></set-header>",
        FORWARD,
        "<set-header name=\"X-Out\" exists-action=\"override\"><value>replaced</value></set-header>", "")));
    HttpHeaders sent = seen.get().headers();
    assertThat(sent.get("X-Keep")).containsExactly("old");
    assertThat(sent.get("X-New")).containsExactly("n");
    assertThat(sent.get("X-App")).containsExactly("a1,a2,a3");
    assertThat(sent.contains("X-Gone")).isFalse();
    assertThat(sent.get("X-Over")).containsExactly("1,2");
    assertThat(ex.response().headers().get("X-Out")).containsExactly("replaced");
  }

  @Test
  void constantOverrideReplacesEveryValueKeepsTheSpellingAndStaysTheSameAcrossRequests() {
    Pipeline p = compile(doc("<set-header name=\"X-MULTI\" exists-action=\"override\"><value>one</value></set-header>"
        + "<set-header name=\"X-Added\"><value>a</value></set-header>", FORWARD,
        "<set-header name=\"X-Out\" exists-action=\"override\"><value>o</value></set-header>", ""));
    for (int run = 0; run < 2; run++) {
      AtomicReference<BackendRequest> seen = new AtomicReference<>();
      PolicyKit.Call call = new PolicyKit.Call().header("x-multi", "1").header("x-multi", "2");
      call.backend = (request, options) -> {
        seen.set(request);
        return CompletableFuture.completedFuture(
            new BackendResponse(200, "OK", HttpHeaders.of("x-out", "app", "X-Other", "b"), null));
      };
      Exchange ex = call.run(p);
      HttpHeaders sent = seen.get().headers();
      assertThat(sent.names()).contains("x-multi", "X-Added").doesNotContain("X-MULTI");
      assertThat(sent.get("X-Multi")).containsExactly("one");
      assertThat(sent.get("X-Added")).containsExactly("a");
      assertThat(ex.response().headers().names()).containsExactly("x-out", "X-Other");
      assertThat(ex.response().headers().get("X-Out")).containsExactly("o");
      ex.response().headers().add("X-Out", "changed by a later step"); // must not reach the compiled header
      ex.request().headers().add("X-Added", "b");
    }
  }

  @Test
  void transportHeadersCannotBeSet() {
    assertThat(problems(doc("<set-header name=\"Content-Length\"><value>5</value></set-header>", "", "", "")))
        .singleElement().asString().contains("test.xml:1:").contains("Content-Length").contains("cannot be set");
  }

  @Test
  void setQueryParameterAndRewriteUriShapeTheBackendUrl() {
    AtomicReference<BackendRequest> seen = new AtomicReference<>();
    PolicyKit.Call call = new PolicyKit.Call();
    call.url = "https://gw.test/api/get?a=b&c=d";
    call.operationTemplate = "/get?a={b}";
    call.matched = Map.of("b", "b");
    call.backend = (request, options) -> {
      seen.set(request);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", new HttpHeaders(), null));
    };
    call.run(compile(doc("<rewrite-uri template=\"/put\" />", FORWARD, "", "")));
    assertThat(seen.get().uri()).hasToString("https://backend.test/svc/put?c=d");

    call.run(compile(doc("<rewrite-uri template=\"/put\" copy-unmatched-params=\"false\" />"
        + "<set-query-parameter name=\"x\"><value>1</value><value>2</value></set-query-parameter>", FORWARD, "",
        "")));
    assertThat(seen.get().uri()).hasToString("https://backend.test/svc/put?x=1&x=2");

    call.url = "https://gw.test/api/stores/12?q=1";
    call.matched = Map.of("id", "a b");
    call.operationTemplate = "/stores/{id}";
    call.run(compile(doc("<rewrite-uri template=\"/v2/{id}?City=x\" />"
        + "<set-query-parameter name=\"q\" exists-action=\"delete\" />", FORWARD, "", "")));
    assertThat(seen.get().uri()).hasToString("https://backend.test/svc/v2/a%20b?City=x");
  }

  @Test
  void setMethodStatusAndBody() {
    AtomicReference<BackendRequest> seen = new AtomicReference<>();
    PolicyKit.Call call = new PolicyKit.Call();
    call.backend = (request, options) -> {
      seen.set(request);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", new HttpHeaders(), null));
    };
    Exchange ex = call.run(compile(doc("<set-method>POST</set-method><set-body>{\"a\":1}</set-body>", FORWARD,
        "<set-status code=\"202\" reason=\"Taken\" /><set-body>done</set-body>", "")));
    assertThat(seen.get().method()).isEqualTo("POST");
    assertThat(new String(seen.get().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(ex.response().statusCode()).isEqualTo(202);
    assertThat(ex.response().statusReason()).isEqualTo("Taken");
    assertThat(body(ex)).isEqualTo("done");
  }

  @Test
  void returnResponseEndsThePipelineWithoutBackendOrOutbound() {
    AtomicReference<BackendRequest> seen = new AtomicReference<>();
    PolicyKit.Call call = new PolicyKit.Call();
    call.backend = (request, options) -> {
      seen.set(request);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", new HttpHeaders(), null));
    };
    Exchange ex = call.run(compile(doc(
        "<return-response><set-status code=\"401\" reason=\"Unauthorized\" />"
            + "<set-header name=\"WWW-Authenticate\" exists-action=\"override\"><value>Bearer error=\"x\"</value>"
            + "</set-header><set-body>nope</set-body></return-response><set-header name=\"X-After\"><value>1</value>"
            + "</set-header>",
        FORWARD, "<set-header name=\"X-Outbound\"><value>1</value></set-header>", "")));
    assertThat(seen.get()).isNull();
    assertThat(ex.response().statusCode()).isEqualTo(401);
    assertThat(ex.response().headers().first("WWW-Authenticate")).isEqualTo("Bearer error=\"x\"");
    assertThat(ex.response().headers().contains("X-Outbound")).isFalse();
    assertThat(ex.request().headers().contains("X-After")).isFalse();
    assertThat(body(ex)).isEqualTo("nope");
    assertThat(ex.lastError()).isNull();
  }

  @Test
  void mockResponseEndsWithTheStatus() {
    Exchange ex = new PolicyKit.Call().run(compile(doc("<mock-response status-code=\"204\" />", FORWARD,
        "<set-header name=\"X-Outbound\"><value>1</value></set-header>", "")));
    assertThat(ex.response().statusCode()).isEqualTo(204);
    assertThat(ex.backendRequest()).isNull();
    assertThat(ex.response().headers().contains("X-Outbound")).isFalse();
  }

  @Test
  void mockResponseUsesTheDocumentedExample() {
    PolicyKit.Call call = new PolicyKit.Call();
    call.mockResponses = (status, contentType) -> status == 200 && (contentType == null
        || contentType.equals("application/json"))
        ? new io.gatehouse.engine.pipeline.MockResponses.MockBody("application/json",
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8)) : null;
    Exchange ex = call.run(compile(doc("<mock-response status-code=\"200\" content-type=\"application/json\" />",
        "", "", "")));
    assertThat(body(ex)).isEqualTo("{\"id\":1}");
    assertThat(ex.response().headers().first("Content-Type")).isEqualTo("application/json");
    Exchange none = call.run(compile(doc("<mock-response status-code=\"404\" />", "", "", "")));
    assertThat(none.response().statusCode()).isEqualTo(404);
    assertThat(none.response().body()).isNull();
  }

  @Test
  void checkHeaderFailuresGoToOnErrorWithLastError() {
    String policy = doc("<check-header id=\"chk\" name=\"X-Key\" failed-check-httpcode=\"403\" "
        + "failed-check-error-message=\"Not allowed\" ignore-case=\"true\"><value>Alpha</value></check-header>",
        FORWARD, "", "<set-header name=\"X-Error\"><value>yes</value></set-header>");
    Pipeline p = compile(policy);

    Exchange missing = new PolicyKit.Call().run(p);
    assertThat(missing.response().statusCode()).isEqualTo(403);
    assertThat(body(missing)).isEqualTo("{\"statusCode\": 403, \"message\": \"Not allowed\"}");
    assertThat(missing.response().headers().first("X-Error")).isEqualTo("yes");
    assertThat(missing.lastError()).isEqualTo(new LastError("check-header", "HeaderNotFound",
        "Header X-Key was not found in the request. Access denied.", "inbound", "operation", "check-header[1]",
        "chk"));
    assertThat(missing.backendRequest()).isNull();

    Exchange wrong = new PolicyKit.Call().header("x-key", "beta").run(p);
    assertThat(wrong.lastError().reason()).isEqualTo("HeaderValueNotAllowed");
    assertThat(wrong.lastError().message()).isEqualTo("Header X-Key value of beta is not allowed. Access denied.");

    Exchange ok = new PolicyKit.Call().header("X-KEY", "ALPHA").run(p);
    assertThat(ok.lastError()).isNull();
    assertThat(ok.response().statusCode()).isEqualTo(200);
  }

  @Test
  void ipFilterAllowForbidRangesAndFamilies() {
    Pipeline allow = compile(doc("<ip-filter action=\"allow\"><address>10.0.0.1</address>"
        + "<address-range from=\"192.168.1.10\" to=\"192.168.1.20\" /><address>2001:db8::1</address>"
        + "<address-range from=\"2001:db8:1::\" to=\"2001:db8:1::ff\" /></ip-filter>", "", "", ""));
    for (String ip : List.of("10.0.0.1", "192.168.1.10", "192.168.1.20", "2001:DB8::1", "2001:db8:1::80",
        "::ffff:10.0.0.1")) {
      PolicyKit.Call call = new PolicyKit.Call();
      call.ip = ip;
      assertThat(call.run(allow).lastError()).as(ip).isNull();
    }
    for (String ip : List.of("10.0.0.2", "192.168.1.21", "2001:db8::2", "::1", "0.0.0.0")) {
      PolicyKit.Call call = new PolicyKit.Call();
      call.ip = ip;
      Exchange ex = call.run(allow);
      assertThat(ex.lastError().reason()).as(ip).isEqualTo("CallerIpNotAllowed");
      assertThat(ex.response().statusCode()).isEqualTo(403);
      assertThat(body(ex)).isEqualTo("{\"statusCode\": 403, \"message\": \"Forbidden\"}");
    }
    PolicyKit.Call garbage = new PolicyKit.Call();
    garbage.ip = "example.com";
    assertThat(garbage.run(allow).lastError().reason()).isEqualTo("FailedToParseCallerIP");

    Pipeline forbid = compile(doc("<ip-filter action=\"forbid\"><address-range from=\"10.0.0.0\" "
        + "to=\"10.255.255.255\" /></ip-filter>", "", "", ""));
    assertThat(new PolicyKit.Call().run(forbid).lastError().reason()).isEqualTo("CallerIpBlocked");
    PolicyKit.Call outside = new PolicyKit.Call();
    outside.ip = "11.0.0.1";
    assertThat(outside.run(forbid).lastError()).isNull();
  }

  @Test
  void ipFilterRejectsBadLiteralsAtLoad() {
    assertThat(problems(doc("<ip-filter action=\"allow\"><address>10.0.0.300</address></ip-filter>", "", "", "")))
        .singleElement().asString().contains("not an IPv4 or IPv6 address");
    assertThat(problems(doc("<ip-filter action=\"allow\"><address-range from=\"10.0.0.9\" to=\"10.0.0.1\" />"
        + "</ip-filter>", "", "", ""))).singleElement().asString().contains("lower to a higher");
    assertThat(problems(doc("<ip-filter action=\"maybe\"><address>10.0.0.1</address></ip-filter>", "", "", "")))
        .singleElement().asString().contains("allow or forbid");
  }

  @Test
  void setBackendServiceReplacesTheBaseAndKeepsPathAndQuery() {
    AtomicReference<BackendRequest> seen = new AtomicReference<>();
    PolicyKit.Call call = new PolicyKit.Call();
    call.url = "https://gw.test/api/partners/15?x=1";
    call.backend = (request, options) -> {
      seen.set(request);
      return CompletableFuture.completedFuture(new BackendResponse(200, "OK", new HttpHeaders(), null));
    };
    call.run(compile(doc("<set-backend-service base-url=\"http://b/api/8.2/\" />", FORWARD, "", "")));
    assertThat(seen.get().uri()).hasToString("http://b/api/8.2/partners/15?x=1");
    call.run(PolicyKit.compile(doc("<set-backend-service backend-id=\"backend1\" />", FORWARD, "", ""),
        PolicyKit.NO_EXPRESSIONS, Map.of("backend1", "https://one.test/base")));
    assertThat(seen.get().uri()).hasToString("https://one.test/base/partners/15?x=1");
    assertThat(problems(doc("<set-backend-service backend-id=\"nope\" />", "", "", "")))
        .singleElement().asString().contains("backend 'nope' is not defined");
  }

  @Test
  void forwardRequestMapsTimeoutsAndConnectionFailures() {
    PolicyKit.Call call = new PolicyKit.Call();
    call.backend = (request, options) -> CompletableFuture.failedFuture(
        new BackendException(BackendException.Kind.TIMEOUT, "slow", null));
    Exchange timeout = call.run(compile(doc("", "<forward-request timeout=\"5\" />", "", "")));
    assertThat(timeout.lastError().reason()).isEqualTo("Timeout");
    assertThat(timeout.lastError().source()).isEqualTo("forward-request");
    assertThat(timeout.lastError().section()).isEqualTo("backend");
    assertThat(timeout.response().statusCode()).isEqualTo(500);
    assertThat(body(timeout)).startsWith("{\"statusCode\": 500, \"message\": \"Internal server error\", "
        + "\"activityId\": \"" + timeout.requestId());

    call.backend = (request, options) -> CompletableFuture.failedFuture(
        new BackendException(BackendException.Kind.CONNECTION_FAILURE, "refused", null));
    assertThat(call.run(compile(doc("", FORWARD, "", ""))).lastError().reason())
        .isEqualTo("BackendConnectionFailure");

    PolicyKit.Call noBackend = new PolicyKit.Call();
    noBackend.serviceUrl = null;
    assertThat(noBackend.run(compile(doc("", FORWARD, "", ""))).lastError().reason())
        .isEqualTo("BackendConnectionFailure");
  }

  @Test
  void forwardRequestCanFailOnErrorStatus() {
    PolicyKit.Call call = new PolicyKit.Call();
    call.backend = (request, options) -> CompletableFuture.completedFuture(
        new BackendResponse(503, "Unavailable", new HttpHeaders(), null));
    Exchange passed = call.run(compile(doc("", FORWARD, "", "")));
    assertThat(passed.response().statusCode()).isEqualTo(503);
    assertThat(passed.lastError()).isNull();
    Exchange failed = call.run(compile(doc("", "<forward-request fail-on-error-status-code=\"true\" />", "", "")));
    assertThat(failed.lastError().reason()).isEqualTo("BackendResponseError");
  }

  @Test
  void anAnswerHandledAtOnceFailsLikeOneHandledLater() {
    for (boolean async : new boolean[] {false, true}) {
      PolicyKit.Call call = new PolicyKit.Call();
      BackendResponse unavailable = new BackendResponse(503, "Unavailable", new HttpHeaders(), null);
      call.backend = (request, options) -> async ? CompletableFuture.supplyAsync(() -> unavailable)
          : CompletableFuture.completedFuture(unavailable);
      Exchange failed = call.run(compile(doc("", "<forward-request fail-on-error-status-code=\"true\" />", "",
          "")));
      assertThat(failed.lastError().reason()).isEqualTo("BackendResponseError");
      assertThat(failed.lastError().section()).isEqualTo("backend");
      assertThat(failed.response().statusCode()).isEqualTo(503);

      call.backend = (request, options) -> async ? CompletableFuture.supplyAsync(() -> null)
          : CompletableFuture.completedFuture(null);
      Exchange broken = call.run(compile(doc("", FORWARD, "", "")));
      assertThat(broken.lastError().reason()).isEqualTo("InternalError");
      assertThat(broken.lastError().message()).contains("NullPointerException");
      assertThat(broken.lastError().section()).isEqualTo("backend");
      assertThat(broken.response().statusCode()).isEqualTo(500);
    }
  }

  @Test
  void outboundSeesTheBackendResponseAndAsyncBackendsWork() {
    PolicyKit.Call call = new PolicyKit.Call();
    call.backend = (request, options) -> CompletableFuture.supplyAsync(() -> new BackendResponse(200, "OK",
        HttpHeaders.of("Content-Type", "text/plain"), "hello world".getBytes(StandardCharsets.UTF_8)));
    Exchange ex = call.run(compile(doc("", FORWARD, "<find-and-replace from=\"world\" to=\"there\" />", "")));
    assertThat(body(ex)).isEqualTo("hello there");
  }

  @Test
  void errorInsideOnErrorGivesTheGeneric500() {
    Exchange ex = new PolicyKit.Call().run(compile(doc(
        "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\" "
            + "ignore-case=\"false\" />", FORWARD, "",
        "<check-header name=\"X-Other\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\" "
            + "ignore-case=\"false\" />")));
    assertThat(ex.response().statusCode()).isEqualTo(500);
    assertThat(ex.lastError().section()).isEqualTo("on-error");
  }

  @Test
  void onErrorCanReplaceTheResponse() {
    Exchange ex = new PolicyKit.Call().run(compile(doc(
        "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\" "
            + "ignore-case=\"false\" />", FORWARD, "",
        "<return-response><set-status code=\"418\" reason=\"Teapot\" /></return-response>")));
    assertThat(ex.response().statusCode()).isEqualTo(418);
    assertThat(ex.lastError().reason()).isEqualTo("HeaderNotFound");
  }

  @Test
  void chooseWithLiteralConditionsAndNestedPaths() {
    Exchange ex = new PolicyKit.Call().run(compile(doc(
        "<set-variable name=\"a\" value=\"1\" /><choose><when condition=\"false\"><set-variable name=\"b\" "
            + "value=\"no\" /></when><when condition=\"true\"><set-variable name=\"b\" value=\"yes\" />"
            + "<check-header name=\"X-Key\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\" "
            + "ignore-case=\"false\" /></when><otherwise><set-variable name=\"b\" value=\"other\" /></otherwise>"
            + "</choose>", "", "", "")));
    assertThat(ex.variables()).containsEntry("a", "1").containsEntry("b", "yes");
    assertThat(ex.lastError().path()).isEqualTo("choose[2]\\when[2]\\check-header[2]");
  }

  @Test
  void traceGoesToTheSink() {
    Exchange ex = new PolicyKit.Call().run(compile(doc(
        "<trace source=\"src\" severity=\"information\"><message>hello</message>"
            + "<metadata name=\"k\" value=\"v\" /></trace>", "", "", "")));
    assertThat(ex.traceEvents()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("src");
      assertThat(e.severity()).isEqualTo("information");
      assertThat(e.message()).isEqualTo("hello");
      assertThat(e.metadata()).containsEntry("k", "v");
    });
  }

  @Test
  void unsupportedPoliciesAreLoadErrors() {
    assertThat(problems(doc("<log-to-eventhub logger-id=\"l\">m</log-to-eventhub>", "", "",
        ""))).singleElement().asString().isEqualTo("test.xml:1:20: error: policy 'log-to-eventhub' is not "
        + "supported yet");
  }
}
