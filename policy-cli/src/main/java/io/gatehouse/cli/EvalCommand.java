package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.TraceSink;
import io.gatehouse.engine.context.ApiInfo;
import io.gatehouse.engine.context.DeploymentInfo;
import io.gatehouse.engine.context.OperationInfo;
import io.gatehouse.engine.context.UrlCodec;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.CompiledExpression;
import io.gatehouse.engine.expr.ExpressionFailure;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.expr.ResultType;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.expr.runtime.CsTypes;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.MockResponses;
import io.gatehouse.xml.Diagnostic;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eval 'EXPR' [--context ctx.json]}: compiles one expression and prints its value and .NET type, e.g.
 * {@code 3 (System.Int32)}. The optional context file sets the request, response, variables and clock (format in
 * the README). Exit 1 on a compile or runtime error.
 */
final class EvalCommand {
  private EvalCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String expression = null;
    Path contextFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--context") && i + 1 < args.length) {
        contextFile = Path.of(args[++i]);
      } else if (expression == null) {
        expression = args[i];
      } else {
        expression = null;
        break;
      }
    }
    if (expression == null) {
      err.println("usage: gatehouse-cli eval 'EXPR' [--context ctx.json]");
      return 2;
    }
    String text = expression.strip();
    if (!ExpressionSource.isExpression(text)) {
      text = "@(" + text + ")";
    }
    JsonNode context;
    try {
      context = contextFile == null ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(
          contextFile.toFile());
    } catch (IOException e) {
      err.println("gatehouse-cli: cannot read context: " + e.getMessage());
      return 1;
    }
    Diagnostics diagnostics = new Diagnostics();
    CompiledExpression compiled = new CSharpExpressionCompiler().compile(
        new ExpressionSource(text, new Position("<eval>", 1, 1), false), ResultType.ANY, diagnostics);
    diagnostics.all().forEach(d -> (d.severity() == io.gatehouse.xml.Severity.ERROR ? err : out).println(d));
    if (compiled == null) {
      return 1;
    }
    Exchange exchange;
    try {
      exchange = exchange(context);
    } catch (IllegalArgumentException e) {
      err.println("gatehouse-cli: bad context: " + e.getMessage());
      return 1;
    }
    try {
      Object value = compiled.evaluate(exchange);
      out.println(value == null ? "null" : CsFormat.toDisplayString(value) + " (" + CsTypes.netTypeName(value) + ")");
      return 0;
    } catch (ExpressionFailure e) {
      err.println(e.typeName() + ": " + e.getMessage());
      return 1;
    }
  }

  /** An exchange built from the context file: {@code request}, {@code response}, {@code variables}, {@code clock}. */
  static Exchange exchange(JsonNode root) {
    JsonNode request = root.path("request");
    URI uri = URI.create(request.path("url").asText("https://gateway.test/"));
    UrlInfo original = new UrlInfo(uri.getScheme(), uri.getHost(),
        uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443,
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
        UrlCodec.parseQuery(uri.getRawQuery()));
    Map<String, String> matched = new HashMap<>();
    request.path("matchedParameters").fields().forEachRemaining(e -> matched.put(e.getKey(), e.getValue().asText()));
    Instant now = Instant.parse(root.path("clock").asText("2026-01-01T00:00:00Z"));
    String body = request.hasNonNull("body") ? text(request.get("body")) : null;
    Exchange exchange = new Exchange(new Exchange.Setup(
        new Exchange.MutableRequestSetup(request.path("method").asText("GET"), original, null, original.path(),
            headers(request.path("headers")), body == null ? null : body.getBytes(StandardCharsets.UTF_8), matched,
            request.path("ipAddress").asText("127.0.0.1"), null),
        new ApiInfo("api", "Api", "", "1", null, true, null, List.of("https"), "Ocp-Apim-Subscription-Key",
            "subscription-key"),
        new OperationInfo("operation", "Operation", request.path("method").asText("GET"), "/"),
        null, null, null, DeploymentInfo.LOCAL, Clock.fixed(now, ZoneOffset.UTC), (r, o) -> {
          throw new IllegalStateException("no backend in eval");
        }, TraceSink.NONE, false, false, MockResponses.NONE));
    JsonNode response = root.path("response");
    if (response.isObject()) {
      String responseBody = response.hasNonNull("body") ? text(response.get("body")) : null;
      exchange.response().replaceWith(response.path("statusCode").asInt(200),
          response.path("statusReason").asText("OK"), headers(response.path("headers")),
          responseBody == null ? null : responseBody.getBytes(StandardCharsets.UTF_8));
    }
    root.path("variables").fields().forEachRemaining(e -> exchange.variables().put(e.getKey(), value(e.getValue())));
    return exchange;
  }

  private static Object value(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isInt()) {
      return v.asInt();
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isNull()) {
      return null;
    }
    throw new IllegalArgumentException("variables must be strings, numbers, booleans or null");
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static HttpHeaders headers(JsonNode node) {
    HttpHeaders headers = new HttpHeaders();
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> headers.add(e.getKey(), v.asText()));
      } else {
        headers.add(e.getKey(), e.getValue().asText());
      }
    });
    return headers;
  }
}
