package io.gatehouse.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.HttpHeaders;
import io.gatehouse.engine.context.PolicyContext;
import io.gatehouse.engine.expr.CSharpExpressionCompiler;
import io.gatehouse.engine.expr.CompiledExpression;
import io.gatehouse.engine.expr.ExpressionSource;
import io.gatehouse.engine.expr.ResultType;
import io.gatehouse.engine.testing.StandaloneContext;
import io.gatehouse.xml.Diagnostics;
import io.gatehouse.xml.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiled policy expressions beside hand-written Java lambdas doing the same work (issue: expressions). Each pair
 * reads the same context; the lambda is the floor the compiled closure is measured against.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ExpressionBench {
  static final String HEADER_LOOKUP = "@(context.Request.Headers.GetValueOrDefault(\"X-Tenant\", \"none\"))";

  static final String JSON_BLOCK = """
      @{
        var body = context.Request.Body.As<JObject>(preserveContent: true);
        var customer = (JObject)body["customer"];
        string id = (string)customer["id"];
        string tier = (string)customer["tier"];
        var items = (JArray)body["items"];
        int count = items.Count;
        bool express = (bool)body["express"];
        var label = express ? "express" : "standard";
        return id + "/" + tier + "/" + count + "/" + label;
      }""";

  static final String LINQ_FILTER =
      "@(string.Join(\",\", context.Request.Headers.Where(h => h.Key.StartsWith(\"X-\")).Select(h => h.Key)))";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] BODY = ("{\"customer\":{\"id\":\"c-1\",\"tier\":\"gold\"},\"items\":[{\"sku\":\"A1\","
      + "\"qty\":2,\"price\":9.5},{\"sku\":\"B2\",\"qty\":1,\"price\":20}],\"express\":true}")
      .getBytes(StandardCharsets.UTF_8);

  PolicyContext context;
  CompiledExpression headerLookup;
  CompiledExpression jsonBlock;
  CompiledExpression linqFilter;
  Function<PolicyContext, Object> headerLookupLambda;
  Function<PolicyContext, Object> jsonBlockLambda;
  Function<PolicyContext, Object> linqFilterLambda;

  @Setup
  public void setUp() {
    context = StandaloneContext.builder()
        .request("POST", "https://api.contoso.com/orders/42?api-version=2024-01-01")
        .headers(HttpHeaders.of("X-Tenant", "contoso", "Accept", "application/json", "X-Trace", "t-1",
            "Content-Type", "application/json", "X-Region", "eu"))
        .body(BODY)
        .build();
    CSharpExpressionCompiler compiler = new CSharpExpressionCompiler();
    headerLookup = compile(compiler, HEADER_LOOKUP);
    jsonBlock = compile(compiler, JSON_BLOCK);
    linqFilter = compile(compiler, LINQ_FILTER);
    headerLookupLambda = ctx -> {
      List<String> values = ctx.request().headers().get("X-Tenant");
      return values.isEmpty() ? "none" : String.join(",", values);
    };
    jsonBlockLambda = ctx -> {
      try {
        JsonNode body = JSON.readTree(ctx.request().body().read(true));
        JsonNode customer = body.get("customer");
        return customer.get("id").asText() + "/" + customer.get("tier").asText() + "/" + body.get("items").size()
            + "/" + (body.get("express").asBoolean() ? "express" : "standard");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    linqFilterLambda = ctx -> String.join(",", ctx.request().headers().names().stream()
        .filter(n -> n.startsWith("X-")).toList());
    check(headerLookup, headerLookupLambda);
    check(jsonBlock, jsonBlockLambda);
    check(linqFilter, linqFilterLambda);
  }

  private static CompiledExpression compile(CSharpExpressionCompiler compiler, String text) {
    Diagnostics diagnostics = new Diagnostics();
    CompiledExpression e = compiler.compile(new ExpressionSource(text, new Position("bench", 1, 1), false),
        ResultType.ANY, diagnostics);
    if (e == null) {
      throw new IllegalStateException("benchmark expression does not compile: " + diagnostics.all());
    }
    return e;
  }

  private void check(CompiledExpression expression, Function<PolicyContext, Object> lambda) {
    Object a = expression.evaluate(context);
    Object b = lambda.apply(context);
    if (!a.equals(b)) {
      throw new IllegalStateException("expression and lambda disagree: " + a + " vs " + b);
    }
  }

  @Benchmark
  public Object headerLookupExpression() {
    return headerLookup.evaluate(context);
  }

  @Benchmark
  public Object headerLookupLambda() {
    return headerLookupLambda.apply(context);
  }

  @Benchmark
  public Object jsonBlockExpression() {
    return jsonBlock.evaluate(context);
  }

  @Benchmark
  public Object jsonBlockLambda() {
    return jsonBlockLambda.apply(context);
  }

  @Benchmark
  public Object linqFilterExpression() {
    return linqFilter.evaluate(context);
  }

  @Benchmark
  public Object linqFilterLambda() {
    return linqFilterLambda.apply(context);
  }
}
