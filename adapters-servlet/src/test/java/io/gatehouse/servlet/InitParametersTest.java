package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter configured the {@code web.xml} way: the container instantiates it and passes init parameters
 * ({@code apiOpsTree}, {@code urlPrefix}, {@code unmatchedRequests}, {@code trustedProxies},
 * {@code maxRequestBodyBytes}). On a real Tomcat, and its failures on a bare {@link FilterConfig}.
 */
class InitParametersTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path tree;

  private void writeTree(String apiPolicy) throws IOException {
    Files.writeString(tree.resolve("policy.xml"), "<policies><inbound /><backend><forward-request /></backend>"
        + "<outbound /><on-error /></policies>");
    Path api = Files.createDirectories(tree.resolve("apis/echo"));
    Files.writeString(api.resolve("apiInformation.json"), "{\"properties\": {\"path\": \"echo\", \"serviceUrl\": "
        + "\"http://app/api/echo\", \"subscriptionRequired\": false}}");
    Files.writeString(api.resolve("specification.yaml"), """
        openapi: 3.0.1
        info: {title: echo, version: '1'}
        paths:
          /items/{id}:
            get:
              operationId: get
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /items:
            post:
              operationId: post
              responses: {'200': {description: ok}}
        """);
    Files.writeString(api.resolve("policy.xml"), apiPolicy);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
  }

  @Test
  void everyInitParameterTakesEffectOnTomcat() throws Exception {
    writeTree("<policies><inbound><base />"
        + "<set-header name=\"X-Gateway\" exists-action=\"override\"><value>from-the-tree</value></set-header>"
        + "<set-header name=\"X-Client-Ip\" exists-action=\"override\"><value>@(context.Request.IpAddress)</value>"
        + "</set-header></inbound><backend><base /></backend><outbound><base /></outbound>"
        + "<on-error><base /></on-error></policies>");
    try (TomcatApp app = TomcatApp.startWithInitParameters(Map.of("apiOpsTree", tree.toString(),
        "urlPrefix", "/api", "unmatchedRequests", "not_found", "trustedProxies", "10.0.0.0/8, 127.0.0.0/8",
        "maxRequestBodyBytes", "1000"))) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(app.uri("/api/echo/items/1"))
          .header("X-Forwarded-For", "203.0.113.7"));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-Seen-X-Gateway")).hasValue("from-the-tree");
      assertThat(r.headers().firstValue("X-Seen-X-Client-Ip")).hasValue("203.0.113.7");
      assertThat(r.body()).isEqualTo("hello /shop/api/echo/items/1");
      assertThat(send(HttpRequest.newBuilder(app.uri("/api/echo/nothing"))).statusCode()).isEqualTo(404);
      assertThat(send(HttpRequest.newBuilder(app.uri("/health"))).body()).isEqualTo("hello /shop/health");
      assertThat(send(HttpRequest.newBuilder(app.uri("/api/echo/items"))
          .POST(BodyPublishers.ofString("x".repeat(5000)))).statusCode()).isEqualTo(413);
      assertThat(send(HttpRequest.newBuilder(app.uri("/api/echo/items"))
          .POST(BodyPublishers.ofString("fits"))).body()).isEqualTo("fits");
    }
  }

  @Test
  void withoutATreeInitFails() {
    assertThatThrownBy(() -> new GatehouseFilter().init(config(Map.of("urlPrefix", "/api"))))
        .isInstanceOf(ServletException.class).hasMessageContaining("apiOpsTree");
  }

  @Test
  void aTreeThatDoesNotCompileFailsInitWithItsDiagnostics() throws Exception {
    writeTree("<policies><inbound><base /><set-header name=\"X-A\" exists-action=\"sometimes\">"
        + "<value>a</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound>"
        + "<on-error><base /></on-error></policies>");
    assertThatThrownBy(() -> new GatehouseFilter().init(config(Map.of("apiOpsTree", tree.toString()))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("GatehouseFilter configuration failed")
        .hasMessageContaining("apis/echo/policy.xml:1:")
        .hasMessageContaining("exists-action");
  }

  @Test
  void aBadParameterFailsInit() throws Exception {
    writeTree("<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound>"
        + "<on-error><base /></on-error></policies>");
    assertThatThrownBy(() -> new GatehouseFilter().init(config(Map.of("apiOpsTree", tree.toString(),
        "unmatchedRequests", "sometimes")))).isInstanceOf(ServletException.class)
        .hasMessageContaining("init parameter unmatchedRequests is 'sometimes', expected [PASS_TO_APPLICATION, "
            + "NOT_FOUND]");
    assertThatThrownBy(() -> new GatehouseFilter().init(config(Map.of("apiOpsTree", tree.toString(),
        "maxRequestBodyBytes", "lots")))).isInstanceOf(ServletException.class)
        .hasMessageContaining("init parameter maxRequestBodyBytes is 'lots', expected a number of bytes");
  }

  /** A filter configuration without a servlet context (no container), holding {@code parameters}. */
  private static FilterConfig config(Map<String, String> parameters) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "gatehouse";
      }

      @Override
      public ServletContext getServletContext() {
        return null;
      }

      @Override
      public String getInitParameter(String name) {
        return parameters.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(parameters.keySet());
      }
    };
  }
}
