package io.gatehouse.engine.testing;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.MockResponses;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code context} for evaluating expressions outside a pipeline: {@code gatehouse-cli eval}, benchmarks and tests.
 * Calling the backend from it fails.
 */
public final class StandaloneContext {
  private String method = "GET";
  private String url = "https://gateway.test/";
  private HttpHeaders headers = new HttpHeaders();
  private byte[] body;
  private String ipAddress = "127.0.0.1";
  private Map<String, String> matchedParameters = Map.of();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Map<String, Object> variables = new LinkedHashMap<>();
  private int responseStatus = 200;
  private String responseReason = "OK";
  private HttpHeaders responseHeaders = new HttpHeaders();
  private byte[] responseBody;

  private StandaloneContext() {}

  public static StandaloneContext builder() {
    return new StandaloneContext();
  }

  public StandaloneContext request(String method, String absoluteUrl) {
    this.method = method;
    this.url = absoluteUrl;
    return this;
  }

  public StandaloneContext headers(HttpHeaders requestHeaders) {
    this.headers = requestHeaders.copy();
    return this;
  }

  public StandaloneContext body(byte[] requestBody) {
    this.body = requestBody;
    return this;
  }

  public StandaloneContext ipAddress(String ip) {
    this.ipAddress = ip;
    return this;
  }

  public StandaloneContext matchedParameters(Map<String, String> parameters) {
    this.matchedParameters = Map.copyOf(parameters);
    return this;
  }

  public StandaloneContext clock(Instant instant) {
    this.now = instant;
    return this;
  }

  /** A context variable holding a C# runtime value (String, Integer, Boolean, JObject, ...). */
  public StandaloneContext variable(String name, Object value) {
    variables.put(name, value);
    return this;
  }

  public StandaloneContext response(int status, String reason, HttpHeaders headers, byte[] body) {
    this.responseStatus = status;
    this.responseReason = reason;
    this.responseHeaders = headers.copy();
    this.responseBody = body;
    return this;
  }

  /** Builds the context; {@code IllegalArgumentException} when the URL is not absolute. */
  public PolicyContext build() {
    URI uri = URI.create(url);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("request URL must be absolute: " + url);
    }
    UrlInfo original = UrlInfo.of(uri);
    Exchange exchange = new Exchange(new Exchange.Setup(
        new Exchange.MutableRequestSetup(method, original, null, original.path(), headers.copy(), body,
            matchedParameters, ipAddress, null),
        new ApiInfo("api", "Api", "", "1", null, true, null, List.of("https"), "Ocp-Apim-Subscription-Key",
            "subscription-key"),
        new OperationInfo("operation", "Operation", method, "/"),
        null, null, null, DeploymentInfo.LOCAL, Clock.fixed(now, ZoneOffset.UTC), (request, options) -> {
          throw new IllegalStateException("a standalone context has no backend");
        }, TraceSink.NONE, false, false, MockResponses.NONE));
    exchange.response().replaceWith(responseStatus, responseReason, responseHeaders.copy(), responseBody);
    exchange.variables().putAll(variables);
    return exchange;
  }
}
