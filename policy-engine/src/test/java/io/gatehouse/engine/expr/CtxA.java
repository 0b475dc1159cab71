package io.gatehouse.engine.expr;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.LastError;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.MessageBody;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.context.ProductInfo;
import io.gatehouse.engine.context.RequestContext;
import io.gatehouse.engine.context.ResponseContext;
import io.gatehouse.engine.context.SubscriptionInfo;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.context.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test context CTX-A of spec expressions.md section 10, fresh per instance. */
final class CtxA implements PolicyContext {
  static final String JWT_A = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZXMiOlsicmVhZGVyIiwid3"
      + "JpdGVyIl0sImF1ZCI6ImFwaTovL29yZGVycyIsImV4cCI6MTg5MzQ1NjAwMH0.c2ln";
  static final String BODY = "{\"customer\":{\"id\":\"c-1\",\"tier\":\"gold\"},\"items\":[{\"sku\":\"A1\",\"qty\":2,"
      + "\"price\":9.5},{\"sku\":\"B2\",\"qty\":1,\"price\":20}],\"express\":true}";

  static final class Body implements MessageBody {
    private byte[] bytes;

    Body(String text) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] read(boolean preserveContent) {
      byte[] b = bytes;
      if (!preserveContent) {
        bytes = new byte[0];
      }
      return b;
    }

    @Override
    public String contentType() {
      return "application/json";
    }
  }

  record Response(int statusCode, String statusReason, HttpHeaders headers, MessageBody body)
      implements ResponseContext {}

  private final Map<String, Object> variables = new LinkedHashMap<>();
  private final UrlInfo url;
  private final HttpHeaders headers = HttpHeaders.of("X-Tenant", "contoso", "Accept", "application/json",
      "Accept", "text/plain", "Authorization", "Bearer " + JWT_A, "Content-Type", "application/json");
  private final Body body = new Body(BODY);
  private final Response response = new Response(404, "Not Found",
      HttpHeaders.of("Cache-Control", "public, max-age=300"), null);
  final StringBuilder traces = new StringBuilder();
  /** The client certificate of {@code context.Request.Certificate}; none unless a test sets one. */
  X509Certificate certificate;

  CtxA() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("api-version", List.of("2024-01-01"));
    query.put("tag", List.of("a", "b"));
    url = new UrlInfo("https", "api.contoso.com", 443, "/orders/42", query);
    variables.put("userId", "u-123");
    variables.put("retryCount", 3);
    variables.put("isMobile", false);
    variables.put("limit", "10");
    variables.put("tokenResp", new Response(200, "OK", new HttpHeaders(), new Body("{\"active\":false}")));
  }

  @Override
  public RequestContext request() {
    return new RequestContext() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public UrlInfo url() {
        return url;
      }

      @Override
      public UrlInfo originalUrl() {
        return url;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public MessageBody body() {
        return body;
      }

      @Override
      public Map<String, String> matchedParameters() {
        return Map.of("orderId", "42");
      }

      @Override
      public String ipAddress() {
        return "203.0.113.7";
      }

      @Override
      public X509Certificate certificate() {
        return certificate;
      }
    };
  }

  @Override
  public ResponseContext response() {
    return response;
  }

  @Override
  public Map<String, Object> variables() {
    return variables;
  }

  @Override
  public ApiInfo api() {
    return new ApiInfo("orders-api", "Orders", "orders", "1", null, true, url, List.of("https"), "Ocp-Apim-Subscription-Key",
        "subscription-key");
  }

  @Override
  public OperationInfo operation() {
    return new OperationInfo("get-order", "GetOrder", "GET", "/orders/{orderId}");
  }

  @Override
  public ProductInfo product() {
    return new ProductInfo("starter", "Starter", "Published", true, false, null, List.of());
  }

  @Override
  public SubscriptionInfo subscription() {
    return new SubscriptionInfo("sub-1", "Sub 1", "k", "k", "k2", null, null, null);
  }

  @Override
  public UserInfo user() {
    return null;
  }

  @Override
  public LastError lastError() {
    return null;
  }

  @Override
  public DeploymentInfo deployment() {
    return new DeploymentInfo("West Europe", "contoso", "contoso", "managed");
  }

  @Override
  public UUID requestId() {
    return UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  @Override
  public Instant timestamp() {
    return Instant.parse("2024-03-05T07:08:09.123Z");
  }

  @Override
  public Duration elapsed() {
    return Duration.ofMillis(5);
  }

  @Override
  public boolean tracing() {
    return false;
  }

  @Override
  public void trace(String message) {
    traces.append(message);
  }

  @Override
  public Instant now() {
    return Instant.parse("2024-03-05T07:08:10Z");
  }
}
