package io.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.CompiledExpression;
import io.gatehouse.engine.expr.ExpressionFailure;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.expr.ResultType;
import io.gatehouse.engine.expr.runtime.CsFormat;
import io.gatehouse.engine.expr.runtime.CsTypes;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.testing.StandaloneContext;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
    PolicyContext exchange;
    try {
      exchange = context(context);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
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

  /** A context built from the file: {@code request}, {@code response}, {@code variables}, {@code clock}. */
  static PolicyContext context(JsonNode root) {
    JsonNode request = root.path("request");
    Map<String, String> matched = new HashMap<>();
    request.path("matchedParameters").fields().forEachRemaining(e -> matched.put(e.getKey(), e.getValue().asText()));
    String body = request.hasNonNull("body") ? text(request.get("body")) : null;
    StandaloneContext context = StandaloneContext.builder()
        .request(request.path("method").asText("GET"), request.path("url").asText("https://gateway.test/"))
        .headers(headers(request.path("headers")))
        .body(body == null ? null : body.getBytes(StandardCharsets.UTF_8))
        .ipAddress(request.path("ipAddress").asText("127.0.0.1"))
        .matchedParameters(matched)
        .clock(Instant.parse(root.path("clock").asText("2026-01-01T00:00:00Z")));
    JsonNode response = root.path("response");
    if (response.isObject()) {
      String responseBody = response.hasNonNull("body") ? text(response.get("body")) : null;
      context.response(response.path("statusCode").asInt(200), response.path("statusReason").asText("OK"),
          headers(response.path("headers")), responseBody == null ? null : responseBody.getBytes(
              StandardCharsets.UTF_8));
    }
    root.path("variables").fields().forEachRemaining(e -> context.variable(e.getKey(), value(e.getValue())));
    return context.build();
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
