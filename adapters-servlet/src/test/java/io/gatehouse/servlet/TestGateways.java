package io.gatehouse.servlet;

import io.gatehouse.api.Subscription;
import io.gatehouse.engine.Gatehouse;
import io.gatehouse.engine.subscription.InMemorySubscriptionStore;
import io.gatehouse.xml.config.ApiDefinition;
import io.gatehouse.xml.config.GatewayConfig;
import java.util.List;

/** The policies the filter tests run, built with {@link GatewayConfig#builder()}. */
final class TestGateways {
  static final String KEY = "key-1";

  private static final String GLOBAL = "<policies><inbound /><backend><forward-request /></backend>"
      + "<outbound><set-header name=\"X-Served-By\" exists-action=\"override\"><value>gatehouse</value></set-header>"
      + "</outbound><on-error><set-header name=\"X-On-Error\" exists-action=\"override\"><value>"
      + "@(context.LastError.Reason)</value></set-header></on-error></policies>";

  private static final String ECHO_API = "<policies><inbound><cors><allowed-origins>"
      + "<origin>https://allowed.test</origin></allowed-origins><allowed-methods><method>GET</method>"
      + "<method>POST</method></allowed-methods><allowed-headers><header>X-Custom</header></allowed-headers></cors>"
      + "<base /><set-header name=\"X-Gateway\" exists-action=\"override\"><value>gatehouse</value></set-header>"
      + "<set-header name=\"X-Client-Ip\" exists-action=\"override\"><value>@(context.Request.IpAddress)</value>"
      + "</set-header></inbound><backend><base /></backend><outbound><base />"
      + "<set-header name=\"X-App-Method\" exists-action=\"override\"><value>"
      + "@(context.Response.Headers.GetValueOrDefault(\"X-Seen-Method\", \"none\"))</value></set-header></outbound>"
      + "<on-error><base /></on-error></policies>";

  /** A light outbound: replaces the application's answer when it says {@code X-Replace: yes}. */
  private static final String REPLACE_ON_HEADER = "<choose><when condition=\"@(context.Response.Headers"
      + ".GetValueOrDefault(&quot;X-Replace&quot;, &quot;&quot;) == &quot;yes&quot;)\"><return-response>"
      + "<set-status code=\"200\" reason=\"OK\" /><set-header name=\"X-Replaced\" exists-action=\"override\">"
      + "<value>yes</value></set-header><set-body>replacement</set-body></return-response></when></choose>";

  private static String inbound(String statements) {
    return "<policies><inbound><base />" + statements + "</inbound><backend><base /></backend>"
        + "<outbound><base /></outbound><on-error><base /></on-error></policies>";
  }

  private static String outbound(String statements) {
    return "<policies><inbound><base /></inbound><backend><base /></backend>"
        + "<outbound><base />" + statements + "</outbound><on-error><base /></on-error></policies>";
  }

  private TestGateways() {}

  static Gatehouse gatehouse() {
    GatewayConfig config = GatewayConfig.builder().globalPolicy(GLOBAL)
        .api(ApiDefinition.builder("echo").path("echo").serviceUrl("http://app/api/echo").subscriptionRequired(false)
            .policy(ECHO_API)
            .operation("get", "GET", "/items/{id}")
            .operation("head", "HEAD", "/items/{id}")
            .operation("post", "POST", "/items")
            .operation("rewrite", "GET", "/old/{id}", inbound("<rewrite-uri template=\"/new/{id}\" />"))
            .operation("servlet-6.1", "GET", "/servlet-6.1")
            .operation("servlet-6.1-post", "POST", "/servlet-6.1")
            .operation("mocked", "GET", "/mocked", inbound("<return-response><set-status code=\"418\" "
                + "reason=\"teapot\" /><set-header name=\"X-Mocked\" exists-action=\"override\"><value>yes</value>"
                + "</set-header><set-body>short and stout</set-body></return-response>"))
            .operation("checked", "GET", "/checked", inbound("<check-header name=\"X-Token\" "
                + "failed-check-httpcode=\"403\" failed-check-error-message=\"token missing\" ignore-case=\"false\">"
                + "<value>let-me-in</value></check-header>"))
            .operation("url", "GET", "/url", inbound("<set-header name=\"X-Original-Url\" "
                + "exists-action=\"override\"><value>@(context.Request.OriginalUrl.ToString())</value></set-header>"))
            .operation("fail", "GET", "/fail", inbound("<set-header name=\"X-Bad\" exists-action=\"override\">"
                + "<value>@(((string)null).Length.ToString())</value></set-header>"))
            .operation("inject", "GET", "/inject", outbound("<set-header name=\"X-Split\" exists-action=\"override\">"
                + "<value>@(\"a\\r\\nX-Injected: yes\")</value></set-header>"))
            .operation("transformed", "GET", "/transformed/{id}", outbound(
                "<set-body>@(\"transformed: \" + context.Response.Body.As&lt;string&gt;())</set-body>"))
            .build())
        .api(ApiDefinition.builder("secure").path("secure").serviceUrl("http://app/api/echo")
            .operation("get", "GET", "/items/{id}").build())
        .api(ApiDefinition.builder("async").path("async").serviceUrl("http://app/api/async")
            .subscriptionRequired(false).policy(outbound("<set-header name=\"X-Outbound-Saw\" "
                + "exists-action=\"override\"><value>@(context.Response.StatusCode.ToString())</value></set-header>"))
            .operation("get", "GET", "/{id}").build())
        .api(ApiDefinition.builder("big").path("big").serviceUrl("http://app/api/big").subscriptionRequired(false)
            .operation("get", "GET", "/{size}").build())
        .api(ApiDefinition.builder("stream").path("stream").serviceUrl("http://app/api/stream")
            .subscriptionRequired(false).policy(outbound(REPLACE_ON_HEADER))
            .operation("get", "GET", "/{size}")
            .operation("transformed", "GET", "/transformed/{size}",
                outbound("<find-and-replace from=\"abc\" to=\"ABC\" />"))
            .build())
        .api(ApiDefinition.builder("stream-async").path("stream-async").serviceUrl("http://app/api/stream-async")
            .subscriptionRequired(false).policy(outbound(REPLACE_ON_HEADER))
            .operation("get", "GET", "/{size}").build())
        .build();
    return Gatehouse.builder().config(config).subscriptions(new InMemorySubscriptionStore(
        List.of(Subscription.of("all", Subscription.Scope.ALL, null, KEY, "key-2")))).build();
  }
}
